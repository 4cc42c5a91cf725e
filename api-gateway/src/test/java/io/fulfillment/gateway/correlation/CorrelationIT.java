package io.fulfillment.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.correlation.CorrelationIdRule;
import io.fulfillment.gateway.FakeBackend;
import io.fulfillment.gateway.GatewayITSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationIT extends GatewayITSupport {

    @Test
    void passesTheCallersCorrelationIdToTheBackendAndBack() {
        String correlationId = "checkout-" + UUID.randomUUID().toString().substring(0, 8);

        Answer answer = send(as("customer-ada", get("/api/v1/orders/" + FakeBackend.ADAS_ORDER + "/timeline"))
                .header(CorrelationId.HEADER, correlationId)
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header(CorrelationId.HEADER)).isEqualTo(correlationId);
        assertThat(BACKEND.lastRequest("GET", "/orders/" + FakeBackend.ADAS_ORDER + "/timeline")
                        .orElseThrow()
                        .header(CorrelationId.HEADER))
                .isEqualTo(correlationId);
    }

    @Test
    void createsACorrelationIdWhenNoneIsGiven() {
        Answer answer = send(get("/api/v1/products?page=7").build());

        String created = answer.header(CorrelationId.HEADER);
        assertThat(created).isNotBlank();
        assertThat(BACKEND.lastRequest("GET", "/products?page=7").orElseThrow().header(CorrelationId.HEADER))
                .isEqualTo(created);
    }

    @Test
    void replacesAnUnacceptableCorrelationId() {
        String tooLong = "x".repeat(CorrelationIdRule.MAX_LENGTH + 1);

        Answer answer = send(get("/api/v1/products?page=8")
                .header(CorrelationId.HEADER, tooLong)
                .build());

        String replacement = answer.header(CorrelationId.HEADER);
        assertThat(replacement).isNotEqualTo(tooLong).hasSize(36);
        assertThat(BACKEND.lastRequest("GET", "/products?page=8").orElseThrow().header(CorrelationId.HEADER))
                .isEqualTo(replacement);
    }

    @Test
    void forwardsEveryIdTheBackendsAcceptUnchanged() {
        String longestWithAColon = "batch:" + "7".repeat(CorrelationIdRule.MAX_LENGTH - "batch:".length());

        Answer answer = send(get("/api/v1/products?page=9")
                .header(CorrelationId.HEADER, longestWithAColon)
                .build());

        assertThat(answer.header(CorrelationId.HEADER)).isEqualTo(longestWithAColon);
        assertThat(BACKEND.lastRequest("GET", "/products?page=9").orElseThrow().header(CorrelationId.HEADER))
                .isEqualTo(longestWithAColon);
    }

    @Test
    void errorsOfTheGatewayCarryTheCorrelationId() {
        Answer answer = send(get("/api/v1/admin/processors")
                .header(CorrelationId.HEADER, "c-401")
                .build());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header(CorrelationId.HEADER)).isEqualTo("c-401");
        assertThat(answer.json().get("correlationId").asText()).isEqualTo("c-401");
    }
}
