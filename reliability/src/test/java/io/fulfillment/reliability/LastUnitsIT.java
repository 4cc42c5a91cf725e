package io.fulfillment.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.inventory.ProductRegisteredEvent;
import io.fulfillment.contracts.inventory.ProductRestockedEvent;
import io.fulfillment.contracts.inventory.StockCommittedEvent;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many customers race for the last units of one product: exactly as many orders win as there are units. */
@InProcessSystem
class LastUnitsIT {

    private static final int UNITS = 10;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void confirmsExactlyOneOrderPerUnitAndRejectsTheRestOutOfStock() {
        SystemApi api = SystemApi.onPort(port);
        int orders = ReliabilitySize.pick(80, 300);
        String product = "last-units-" + UUID.randomUUID().toString().substring(0, 8);
        api.registerProduct(product, UNITS);

        List<CompletableFuture<Optional<String>>> placed = IntStream.range(0, orders)
                .mapToObj(i -> api.placeOrder("customer-rush-" + i, Map.of(product, 1)))
                .toList();
        List<String> orderIds = placed.stream()
                .map(CompletableFuture::join)
                .map(Optional::orElseThrow)
                .toList();

        Map<String, JsonNode> outcomes = Invariants.awaitTerminal(api, orderIds, Duration.ofMinutes(4));
        List<JsonNode> confirmed = outcomes.values().stream()
                .filter(order -> order.get("status").asText().equals("CONFIRMED"))
                .toList();
        List<JsonNode> rejected = outcomes.values().stream()
                .filter(order -> order.get("status").asText().equals("REJECTED"))
                .toList();
        assertThat(confirmed).hasSize(UNITS);
        assertThat(rejected).hasSize(orders - UNITS);
        assertThat(rejected)
                .allSatisfy(order ->
                        assertThat(order.at("/rejectionReason/code").asText()).isEqualTo("OUT_OF_STOCK"));
        Invariants.assertStockAddsUp(api, Map.of(product, UNITS));
        assertThat(api.product(product).get("available").asInt()).isZero();
        assertStockNeverNegative(product);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject("select count(*) from SagaEntry", Integer.class))
                        .as("sagas still active")
                        .isZero());
    }

    /** Replays the product's own history: at no point were more units reserved than it had. */
    private void assertStockNeverNegative(String product) {
        int available = 0;
        int reserved = 0;
        int lowestAvailable = Integer.MAX_VALUE;
        int lowestReserved = Integer.MAX_VALUE;
        for (Object event : eventStore
                .readEvents(product)
                .asStream()
                .map(message -> message.getPayload())
                .toList()) {
            if (event instanceof ProductRegisteredEvent registered) {
                available += registered.initialStock();
            } else if (event instanceof ProductRestockedEvent restocked) {
                available += restocked.quantity();
            } else if (event instanceof StockReservedEvent reservation) {
                available -= reservation.quantity();
                reserved += reservation.quantity();
            } else if (event instanceof StockReleasedEvent release) {
                available += release.quantity();
                reserved -= release.quantity();
            } else if (event instanceof StockCommittedEvent commit) {
                reserved -= commit.quantity();
            }
            lowestAvailable = Math.min(lowestAvailable, available);
            lowestReserved = Math.min(lowestReserved, reserved);
        }
        assertThat(lowestAvailable)
                .as("lowest available stock in the product's history")
                .isNotNegative();
        assertThat(lowestReserved)
                .as("lowest reserved stock in the product's history")
                .isNotNegative();
    }
}
