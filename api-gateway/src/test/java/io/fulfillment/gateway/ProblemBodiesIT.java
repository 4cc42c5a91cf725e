package io.fulfillment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error that leaves the gateway is the same problem+json, whoever produced it. */
class ProblemBodiesIT extends GatewayITSupport {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/orders/a%2Fb",
                "/api/v1/orders/a%00b",
                "/api/v1/orders/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc",
                "/api/v1/orders/a;x=1",
                "/api/v1/orders/a%5Cb",
            })
    void pathsRejectedBeforeAnyRouteAreProblems(String path) {
        Answer answer = send(as("customer-ada", get(path))
                .header("X-Correlation-Id", "odd-path")
                .build());

        assertThat(answer.status()).isEqualTo(400);
        assertIsProblem(answer, 400, "odd-path");
    }

    @Test
    void anOversizedHeaderIsAProblem() {
        Answer answer = send(get("/api/v1/products")
                .header("X-Correlation-Id", "big-header")
                .header("X-Padding", "x".repeat(20_000))
                .build());

        assertThat(answer.status()).isBetween(400, 431);
        assertIsProblem(answer, answer.status(), "big-header");
    }

    @Test
    void aBackendsProblemNamesThePublicPathAndTheCorrelationId() {
        Answer answer = send(as("admin", get("/api/v1/orders/nobodys-order"))
                .header("X-Correlation-Id", "backend-404")
                .build());

        assertIsProblem(answer, 404, "backend-404");
        assertThat(answer.json().get("instance").asText()).isEqualTo("/api/v1/orders/nobodys-order");
        assertThat(answer.json().get("detail").asText()).isEqualTo("No order nobodys-order.");
        assertThat(answer.json().get("code").asText()).isEqualTo("order.not-found");
    }

    @Test
    void theGatewaysOwnProblemHasTheSameShape() {
        Answer answer = send(as("customer-ada", get("/api/v1/orders/nobodys-order"))
                .header("X-Correlation-Id", "gateway-404")
                .build());

        assertIsProblem(answer, 404, "gateway-404");
        assertThat(answer.json().get("instance").asText()).isEqualTo("/api/v1/orders/nobodys-order");
    }

    @Test
    void aBackendsNonProblemErrorBecomesAProblem() {
        Answer answer = send(as("admin", get("/api/v1/products/x"))
                .header(FakeBackend.FORCE_STATUS, "409")
                .header("X-Correlation-Id", "plain-409")
                .build());

        assertIsProblem(answer, 409, "plain-409");
        assertThat(answer.json().get("instance").asText()).isEqualTo("/api/v1/products/x");
    }

    private static void assertIsProblem(Answer answer, int status, String correlationId) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(answer.header("X-Correlation-Id")).isEqualTo(correlationId);
    }
}
