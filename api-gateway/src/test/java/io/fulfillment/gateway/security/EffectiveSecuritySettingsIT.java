package io.fulfillment.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.gateway.FakeBackend;
import io.fulfillment.gateway.GatewayInstance;
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

/**
 * The gateway's configuration as it boots, in both of its deployments: alone in the distributed mode (no profile, what
 * the service image runs) and in the all-in-one process ({@code local}). Pins what an operator must not get wrong by
 * accident: which actuator endpoints are exposed, that health shows no details to anybody, that the development token
 * endpoint is off unless the local profile turns it on, and that everything but health needs the admin role.
 */
class EffectiveSecuritySettingsIT {

    private static final Set<String> EXPOSED = Set.of("health", "info", "metrics", "circuitbreakers", "prometheus");
    private static final FakeBackend BACKEND = FakeBackend.start();

    private static GatewayInstance distributed;
    private static GatewayInstance local;

    @BeforeAll
    static void bootBothDeployments() {
        distributed = GatewayInstance.start(BACKEND.uri(), new String[0]);
        local = GatewayInstance.start(BACKEND.uri(), new String[] {"local"});
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
        for (GatewayInstance gateway : new GatewayInstance[] {distributed, local}) {
            assertThat(gateway.context()
                            .getBean(WebEndpointProperties.class)
                            .getExposure()
                            .getInclude())
                    .containsExactlyInAnyOrderElementsOf(EXPOSED);
            assertThat(gateway.context().getBean(PathMappedEndpoints.class).getAllRootPaths())
                    .containsExactlyInAnyOrderElementsOf(EXPOSED);
        }
    }

    @Test
    void showsHealthDetailsToNobody() {
        for (GatewayInstance gateway : new GatewayInstance[] {distributed, local}) {
            HealthEndpointProperties health = gateway.context().getBean(HealthEndpointProperties.class);
            assertThat(health.getShowDetails()).isEqualTo(Show.NEVER);
            assertThat(health.getShowComponents()).isNull();
            HttpResponse<String> answer = gateway.get("/actuator/health");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\"").doesNotContain("components", "details");
        }
    }

    @Test
    void keepsEveryOtherActuatorEndpointForAdmins() {
        for (GatewayInstance gateway : new GatewayInstance[] {distributed, local}) {
            for (String path :
                    new String[] {"/actuator/metrics", "/actuator/prometheus", "/actuator/circuitbreakers"}) {
                assertThat(gateway.get(path).statusCode()).as(path).isEqualTo(401);
            }
        }
    }

    @Test
    void issuesDevelopmentTokensOnlyInTheAllInOneProcess() {
        assertThat(distributed.context().getBean(DevTokenProperties.class).enabled())
                .isFalse();
        assertThat(distributed.context().getBeanNamesForType(DevTokenController.class))
                .isEmpty();
        assertThat(tokenFor(distributed).statusCode()).isEqualTo(404);

        assertThat(local.context().getBean(DevTokenProperties.class).enabled()).isTrue();
        assertThat(tokenFor(local).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> tokenFor(GatewayInstance gateway) {
        return gateway.send(
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"customer-ada\",\"password\":\"ada-demo\"}")),
                "/api/v1/dev/token");
    }
}
