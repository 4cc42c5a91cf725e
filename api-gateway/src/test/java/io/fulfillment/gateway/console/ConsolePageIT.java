package io.fulfillment.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.gateway.FakeBackend;
import io.fulfillment.gateway.GatewayITSupport;
import org.junit.jupiter.api.Test;

/** The console's files are public and locked to the gateway's origin; the board stream is a customer's own. */
class ConsolePageIT extends GatewayITSupport {

    @Test
    void servesThePageWithoutATokenUnderAStrictContentPolicy() {
        Answer page = send(get("/console").build());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.response().body()).contains("<script src=\"/console/console.js\" defer></script>");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'");
    }

    @Test
    void servesItsScriptAndStyleSheet() {
        assertThat(send(get("/console/console.js").build()).status()).isEqualTo(200);
        assertThat(send(get("/console/console.css").build()).status()).isEqualTo(200);
        assertThat(send(get("/console/nothing-here.js").build()).status()).isEqualTo(404);
    }

    @Test
    void streamsACustomersBoardOfTheirOwnOrdersOnly() {
        assertThat(send(get("/api/v1/orders/stream").build()).status()).isEqualTo(401);

        send(as("customer-ada", get("/api/v1/orders/stream")).build());

        assertThat(BACKEND.lastRequest("GET", "/orders/stream?customerId=" + FakeBackend.ADA))
                .isPresent();
    }
}
