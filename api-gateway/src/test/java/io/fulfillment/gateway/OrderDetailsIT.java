package io.fulfillment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderDetailsIT extends GatewayITSupport {

    @Test
    void moneyLeavesTheDetailsExactlyAsTheBackendWroteIt() {
        Answer answer = send(as("customer-ada", get("/api/v1/orders/" + FakeBackend.ADAS_ORDER + "/details"))
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().body()).contains("\"amount\":" + FakeBackend.ORDER_TOTAL + ",");
    }
}
