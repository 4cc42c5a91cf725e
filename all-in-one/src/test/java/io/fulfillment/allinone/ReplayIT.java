package io.fulfillment.allinone;

import static io.fulfillment.allinone.FulfillmentApi.DELIVERABLE_ADDRESS;
import static io.fulfillment.allinone.FulfillmentApi.SETTLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Rebuilding a projection from the event store through the admin API (in place, or blue/green beside the serving one)
 * yields exactly the read model it replaced, and never makes the saga act on history again.
 */
@AllInOneTest
class ReplayIT {

    private static final String CUSTOMER = "customer-replay";
    private static final String SAGA_PROCESSOR = "OrderFulfillmentSagaProcessor";

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder restClient;

    @ParameterizedTest
    @ValueSource(strings = {"order-summary", "order-timeline"})
    void rebuildsTheOrderProjectionIdentically(String processor) {
        FulfillmentApi api = new FulfillmentApi(restClient, port);
        ProductId product = api.registerProduct("lamp", "25.00", 20);
        OrderId confirmed = api.placeOrder(CUSTOMER, Map.of(product, 2), DELIVERABLE_ADDRESS);
        OrderId rejected = api.placeOrder(CUSTOMER, Map.of(product, 50), DELIVERABLE_ADDRESS);
        api.awaitStatus(confirmed, OrderStatus.CONFIRMED);
        api.awaitStatus(rejected, OrderStatus.REJECTED);
        await().atMost(SETTLE).until(() -> api.timeline(confirmed).entries().stream()
                .anyMatch(entry -> entry.eventType().equals("OrderConfirmedEvent")));
        JsonNode ordersBefore =
                api.get("/orders?customerId=" + CUSTOMER + "&size=100").getBody();
        JsonNode timelineBefore = api.get("/orders/" + confirmed + "/timeline").getBody();

        var replay = api.post("/admin/processors/" + processor + "/replay", Map.of(), new HttpHeaders());

        assertThat(replay.getStatusCode().value()).isEqualTo(202);
        assertThat(replay.getHeaders().getLocation()).hasToString("/admin/processors/" + processor);
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode status = api.get("/admin/processors/" + processor).getBody();
            // no new event arrives after the replay: it must still read as finished
            assertThat(status.get("state").asText()).as("%s", status).isEqualTo("CAUGHT_UP");
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("caughtUp").asBoolean()).isTrue();
        });
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(api.get("/orders?customerId=" + CUSTOMER + "&size=100").getBody())
                    .isEqualTo(ordersBefore);
            assertThat(api.get("/orders/" + confirmed + "/timeline").getBody()).isEqualTo(timelineBefore);
        });
    }

    @Test
    void rebuildsTheOrderSummariesBlueGreenWithoutRunningTheSagaAgain() {
        FulfillmentApi api = new FulfillmentApi(restClient, port);
        String customer = CUSTOMER + "-blue-green";
        ProductId product = api.registerProduct("desk", "120.00", 10);
        OrderId confirmed = api.placeOrder(customer, Map.of(product, 3), DELIVERABLE_ADDRESS);
        api.awaitStatus(confirmed, OrderStatus.CONFIRMED);
        await().atMost(SETTLE).until(() -> api.timeline(confirmed).entries().stream()
                .anyMatch(entry -> entry.eventType().equals("OrderConfirmedEvent")));
        JsonNode ordersBefore =
                api.get("/orders?customerId=" + customer + "&size=100").getBody();
        JsonNode timelineBefore = api.get("/orders/" + confirmed + "/timeline").getBody();
        JsonNode stockBefore = api.get("/products/" + product).getBody();

        var sagaReplay = api.post("/admin/processors/" + SAGA_PROCESSOR + "/replay", Map.of(), new HttpHeaders());
        var rebuild = api.post("/admin/read-models/order-summary/rebuild", Map.of(), new HttpHeaders());

        assertThat(sagaReplay.getStatusCode().value()).isEqualTo(409);
        assertThat(rebuild.getStatusCode().value()).as("%s", rebuild.getBody()).isEqualTo(202);
        JsonNode done = await().atMost(SETTLE)
                .until(
                        () -> api.get("/admin/read-models/order-summary/rebuild")
                                .getBody(),
                        status -> !status.get("phase").asText().matches("REBUILDING|SWITCHING|SWITCHED"));
        assertThat(done.get("phase").asText()).as("%s", done).isEqualTo("DONE");
        assertThat(api.get("/orders?customerId=" + customer + "&size=100").getBody())
                .isEqualTo(ordersBefore);
        // a saga that ran again would have reserved the stock again and added its steps to the order's timeline
        assertThat(api.get("/products/" + product).getBody()).isEqualTo(stockBefore);
        assertThat(api.get("/orders/" + confirmed + "/timeline").getBody()).isEqualTo(timelineBefore);
    }
}
