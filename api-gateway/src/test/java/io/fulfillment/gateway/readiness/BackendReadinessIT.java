package io.fulfillment.gateway.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillment.gateway.FakeBackend;
import io.fulfillment.gateway.GatewayApplication;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as the all-in-one process starts it (the local profile): not ready, and answering 503 with Retry-After
 * without touching a route's circuit breaker, until its backends say they are ready.
 */
@SpringBootTest(
        classes = GatewayApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
@ActiveProfiles("local")
class BackendReadinessIT {

    private static final FakeBackend STARTING_BACKEND = FakeBackend.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        STARTING_BACKEND.readiness(503);
        registry.add("fulfillment.gateway.default-backend", STARTING_BACKEND::uri);
    }

    @Test
    void answers503WithRetryAfterUntilTheBackendsAreReadyWithoutOpeningABreaker() {
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> early = get("/api/v1/products");
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(early.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        CircuitBreaker catalogue = circuitBreakers.circuitBreaker("catalogue");
        assertThat(catalogue.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(catalogue.getMetrics().getNumberOfBufferedCalls()).isZero();

        STARTING_BACKEND.readiness(200);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(get("/api/v1/products").statusCode()).isEqualTo(200));
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
