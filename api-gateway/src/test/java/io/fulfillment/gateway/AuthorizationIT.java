package io.fulfillment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationIT extends GatewayITSupport {

    @Test
    void customerMayNotCallAdminEndpoints() {
        Answer answer = send(as("customer-ada", get("/api/v1/admin/processors")).build());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void adminMayCallAdminEndpoints() {
        assertThat(send(as("admin", get("/api/v1/admin/processors")).build()).status())
                .isEqualTo(200);
    }

    @Test
    void customerMayNotChangeTheCatalogue() {
        assertThat(send(as("customer-ada", post("/api/v1/products", "{}")).build())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anotherCustomersOrderIsNotFound() {
        Answer answer = send(as("customer-ada", get("/api/v1/orders/" + FakeBackend.BOBS_ORDER))
                .build());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cancellationNamesTheAuthenticatedCustomerToTheBackendWhateverTheClientClaims() {
        Answer answer = send(as(
                        "customer-ada",
                        post("/api/v1/orders/" + FakeBackend.BOBS_ORDER + "/cancel", "{}")
                                .header("X-Caller-Customer-Id", FakeBackend.BOB))
                .build());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(BACKEND.lastRequest("POST", "/orders/" + FakeBackend.BOBS_ORDER + "/cancel")
                        .orElseThrow()
                        .header("X-Caller-Customer-Id"))
                .isEqualTo(FakeBackend.ADA);
    }

    @Test
    void staffCancellationNamesNoCustomer() {
        send(as(
                        "admin",
                        post("/api/v1/orders/" + FakeBackend.ADAS_ORDER + "/cancel", "{}")
                                .header("X-Caller-Customer-Id", FakeBackend.BOB))
                .build());

        assertThat(BACKEND.lastRequest("POST", "/orders/" + FakeBackend.ADAS_ORDER + "/cancel")
                        .orElseThrow()
                        .header("X-Caller-Customer-Id"))
                .isNull();
    }

    @Test
    void customerReadsOwnOrderTimeline() {
        assertThat(send(as("customer-ada", get("/api/v1/orders/" + FakeBackend.ADAS_ORDER + "/timeline"))
                                .build())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void placingAnOrderForAnotherCustomerIsForbidden() {
        Answer answer = send(
                as("customer-ada", post("/api/v1/orders", "{\"customerId\":\"" + FakeBackend.BOB + "\",\"lines\":[]}"))
                        .build());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void placingAnOrderForOneselfIsForwardedWithTheBody() {
        String body = "{\"customerId\":\"" + FakeBackend.ADA + "\",\"lines\":[]}";

        Answer answer = send(as("customer-ada", post("/api/v1/orders", body)).build());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(BACKEND.lastRequest("POST", "/orders").orElseThrow().body()).isEqualTo(body);
    }

    @Test
    void orderListIsLimitedToTheCaller() {
        assertThat(send(as("customer-ada", get("/api/v1/orders?status=CONFIRMED"))
                                .build())
                        .status())
                .isEqualTo(200);
        assertThat(BACKEND.lastRequest("GET", "/orders?status=CONFIRMED&customerId=" + FakeBackend.ADA))
                .isPresent();

        assertThat(send(as("customer-ada", get("/api/v1/orders?customerId=" + FakeBackend.BOB))
                                .build())
                        .status())
                .isEqualTo(403);
    }
}
