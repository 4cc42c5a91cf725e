package io.fulfillment.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.gateway.FakeBackend;
import io.fulfillment.gateway.GatewayApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointProperties;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway's configuration as it boots, in both of its deployments: alone in the distributed mode (no profile, what
 * the service image runs) and in the all-in-one process ({@code local}). Pins what an operator must not get wrong by
 * accident: which actuator endpoints are exposed, that health shows no details to anybody, that the development token
 * endpoint is off unless the local profile turns it on, and that everything but health needs the admin role.
 */
class EffectiveSecuritySettingsIT {

    private static final Set<String> EXPOSED = Set.of("health", "info", "metrics", "circuitbreakers", "prometheus");
    private static final FakeBackend BACKEND = FakeBackend.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext distributed;
    private static ConfigurableApplicationContext local;

    @BeforeAll
    static void bootBothDeployments() {
        distributed = boot();
        local = boot("local");
    }

    @AfterAll
    static void stop() {
        if (distributed != null) {
            distributed.close();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void exposesTheSameActuatorEndpointsInBothDeployments() {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {distributed, local}) {
            assertThat(gateway.getBean(WebEndpointProperties.class)
                            .getExposure()
                            .getInclude())
                    .containsExactlyInAnyOrderElementsOf(EXPOSED);
            assertThat(gateway.getBean(PathMappedEndpoints.class).getAllRootPaths())
                    .containsExactlyInAnyOrderElementsOf(EXPOSED);
        }
    }

    @Test
    void showsHealthDetailsToNobody() {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {distributed, local}) {
            HealthEndpointProperties health = gateway.getBean(HealthEndpointProperties.class);
            assertThat(health.getShowDetails()).isEqualTo(Show.NEVER);
            assertThat(health.getShowComponents()).isNull();
            HttpResponse<String> answer = send(gateway, HttpRequest.newBuilder().GET(), "/actuator/health");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\"").doesNotContain("components", "details");
        }
    }

    @Test
    void keepsEveryOtherActuatorEndpointForAdmins() {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {distributed, local}) {
            for (String path :
                    new String[] {"/actuator/metrics", "/actuator/prometheus", "/actuator/circuitbreakers"}) {
                assertThat(send(gateway, HttpRequest.newBuilder().GET(), path).statusCode())
                        .as(path)
                        .isEqualTo(401);
            }
        }
    }

    @Test
    void issuesDevelopmentTokensOnlyInTheAllInOneProcess() {
        assertThat(distributed.getBean(DevTokenProperties.class).enabled()).isFalse();
        assertThat(distributed.getBeanNamesForType(DevTokenController.class)).isEmpty();
        assertThat(tokenFor(distributed).statusCode()).isEqualTo(404);

        assertThat(local.getBean(DevTokenProperties.class).enabled()).isTrue();
        assertThat(tokenFor(local).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> tokenFor(ConfigurableApplicationContext gateway) {
        return send(
                gateway,
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"customer-ada\",\"password\":\"ada-demo\"}")),
                "/api/v1/dev/token");
    }

    private static ConfigurableApplicationContext boot(String... profiles) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .profiles(profiles)
                .run("--server.port=0", "--fulfillment.gateway.default-backend=" + BACKEND.uri());
    }

    private static HttpResponse<String> send(
            ConfigurableApplicationContext gateway, HttpRequest.Builder request, String path) {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        try {
            return HTTP.send(
                    request.uri(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
