package io.fulfillment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every service's admin API and actuator through the gateway, under {@code /api/v1/admin/<service>}. */
class AdminRoutesIT extends GatewayITSupport {

    private static final String OPERATOR = "operator-c";

    @Test
    void reachesAServicesProcessorsUnderItsName() {
        Answer answer = send(as(OPERATOR, get("/api/v1/admin/inventory/processors/inventory-catalogue"))
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(BACKEND.lastRequest("GET", "/admin/processors/inventory-catalogue"))
                .isPresent();
    }

    @Test
    void reachesAServicesActuatorUnderItsName() {
        send(as(OPERATOR, get("/api/v1/admin/shipping/actuator/circuitbreakers"))
                .build());

        assertThat(BACKEND.lastRequest("GET", "/actuator/circuitbreakers")).isPresent();
    }

    @Test
    void pointsTheReplaysLocationBackUnderTheServicesName() {
        Answer answer = send(as(OPERATOR, post("/api/v1/admin/order-query/processors/order-summary/replay", "{}"))
                .build());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.header("Location")).isEqualTo("/api/v1/admin/order-query/processors/order-summary");
    }

    @Test
    void keepsTheAdminApiWithoutAService() {
        Answer answer = send(as(OPERATOR, get("/api/v1/admin/dead-letters")).build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(BACKEND.lastRequest("GET", "/admin/dead-letters")).isPresent();
    }

    @Test
    void refusesCustomers() {
        Answer answer = send(
                as("customer-bob", get("/api/v1/admin/inventory/processors")).build());

        assertThat(answer.status()).isEqualTo(403);
    }
}
