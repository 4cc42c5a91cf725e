package io.fulfillment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ResilienceIT extends GatewayITSupport {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Test
    void unreachableBackendIsA503ProblemAndOpensTheRoutesBreaker() {
        Answer refused = send(as("admin", get("/api/v1/payments/p-1")).build());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        for (int i = 0; i < 3; i++) {
            send(as("admin", get("/api/v1/payments/p-1")).build());
        }
        assertThat(circuitBreakers.circuitBreaker("payments").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        Answer whileOpen = send(as("admin", get("/api/v1/payments/p-1")).build());
        assertThat(whileOpen.status()).isEqualTo(503);
        assertThat(whileOpen.contentType()).startsWith("application/problem+json");
        assertThat(whileOpen.json().get("detail").asText()).contains("circuit open");
    }

    @Test
    void oneRequestsServerErrorsAndRefusalsPassThroughWithoutOpeningTheBreaker() {
        String order = "{\"customerId\":\"customer-ada\",\"lines\":[]}";
        for (int i = 0; i < 12; i++) {
            Answer failed = send(as("operator-a", post("/api/v1/orders", order))
                    .header(FakeBackend.FORCE_STATUS, "500")
                    .build());
            assertThat(failed.status()).isEqualTo(500);
        }
        for (int status : new int[] {400, 404, 409, 422, 409, 422, 400, 404, 409, 422, 409, 422}) {
            Answer refused = send(as("operator-a", post("/api/v1/orders", order))
                    .header(FakeBackend.FORCE_STATUS, Integer.toString(status))
                    .build());
            assertThat(refused.status()).isEqualTo(status);
        }

        assertThat(circuitBreakers.circuitBreaker("order-place").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(send(as("operator-a", post("/api/v1/orders", order)).build()).status())
                .isEqualTo(202);
    }

    @Test
    void aBackendAnswering503OpensTheRoutesBreaker() {
        for (int i = 0; i < 10; i++) {
            Answer unavailable = send(as("operator-b", get("/api/v1/shipments/s-" + i))
                    .header(FakeBackend.FORCE_STATUS, "503")
                    .build());
            assertThat(unavailable.status()).isEqualTo(503);
        }

        assertThat(circuitBreakers.circuitBreaker("shipments").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        Answer whileOpen =
                send(as("operator-b", get("/api/v1/shipments/s-open")).build());
        assertThat(whileOpen.json().get("detail").asText()).contains("circuit open");
        assertThat(BACKEND.lastRequest("GET", "/shipments/s-open")).isEmpty();
    }

    @Test
    void detailsDegradeToTheOrderWhenThePaymentBackendIsDown() {
        Answer answer = send(as("customer-ada", get("/api/v1/orders/" + FakeBackend.ADAS_ORDER + "/details"))
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("order").get("customerId").asText()).isEqualTo(FakeBackend.ADA);
        assertThat(answer.json().get("payment").isNull()).isTrue();
        assertThat(answer.json().get("shipment").isNull()).isTrue();
        assertThat(answer.json().get("unavailable")).hasSize(1);
        assertThat(answer.json().get("unavailable").get(0).asText()).isEqualTo("payment");
    }

    @Test
    void detailsOfAnotherCustomersOrderAreNotFound() {
        Answer answer = send(as("customer-ada", get("/api/v1/orders/" + FakeBackend.BOBS_ORDER + "/details"))
                .build());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
