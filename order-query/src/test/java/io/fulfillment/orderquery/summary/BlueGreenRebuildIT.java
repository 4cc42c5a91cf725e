package io.fulfillment.orderquery.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.chassis.mongo.ReadModelGenerations;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.orderquery.testapp.OrderHistory;
import io.fulfillment.orderquery.testapp.OrderQueryContextTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A blue/green rebuild of the order summaries while customers keep reading them and new orders keep arriving: no query
 * sees an empty or partial list, the switch loses no live event, and the rebuilt generation equals a fresh rebuild.
 */
@OrderQueryContextTest
class BlueGreenRebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REBUILD = "/admin/read-models/order-summary/rebuild";
    private static final int HISTORIC_ORDERS = 200;
    private static final int LIVE_ORDERS = 20;
    private static final String INDEX_DECLARED_AT_START_UP = "summaries-by-customer";

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReadModelGenerations generations;

    @Test
    void queriesReadTheCompleteOldGenerationUntilTheSwitchAndTheCompleteNewOneAfterIt() {
        CustomerId historic = CustomerId.newId();
        List<OrderId> orders = IntStream.range(0, HISTORIC_ORDERS)
                .mapToObj(i -> OrderId.newId())
                .toList();
        List<EventMessage<?>> history = new ArrayList<>();
        orders.forEach(order -> history.addAll(OrderHistory.fulfilled(order, historic)));
        transactions.executeInTransaction(() -> eventStore.publish(history));
        String listOfHistoric = "/orders?status=CONFIRMED&size=1&customerId=" + historic;
        await().atMost(PATIENCE).until(() -> totalItems(listOfHistoric) == HISTORIC_ORDERS);
        JsonNode fullListBefore = get("/orders?size=100&customerId=" + historic).getBody();
        String serving = generations.collectionOf("order-summary", OrderSummaryDocument.class);
        // what a deployment declares at start-up on the serving collection must be there on the new one as well
        mongo.indexOps(serving)
                .createIndex(new Index().on("customerId", Sort.Direction.ASC).named(INDEX_DECLARED_AT_START_UP));

        Readers readers = new Readers(listOfHistoric, orders.get(0));
        CustomerId live = CustomerId.newId();
        List<OrderId> liveOrders = new CopyOnWriteArrayList<>();
        ResponseEntity<JsonNode> started = http.postForEntity(REBUILD, null, JsonNode.class);
        CompletableFuture<Void> arriving = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < LIVE_ORDERS; i++) {
                OrderId order = OrderId.newId();
                transactions.executeInTransaction(() -> eventStore.publish(OrderHistory.fulfilled(order, live)));
                liveOrders.add(order);
            }
        });
        JsonNode done = awaitRebuildEnded();
        arriving.join();
        readers.stop();

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString(REBUILD);
        assertThat(started.getBody().get("phase").asText()).isEqualTo("REBUILDING");
        assertThat(started.getBody().get("eventsTotal").asLong()).isGreaterThanOrEqualTo(4L * HISTORIC_ORDERS);
        assertThat(done.get("phase").asText()).as("%s", done).isEqualTo("DONE");
        assertThat(done.get("servingGeneration").asInt())
                .isEqualTo(done.get("buildingGeneration").asInt());
        assertThat(done.get("eventsDone").asLong())
                .isEqualTo(done.get("eventsTotal").asLong());
        assertThat(readers.failures).as("what readers saw during the rebuild").isEmpty();
        assertThat(readers.reads.get()).as("reads during the rebuild").isGreaterThan(10);

        String rebuilt = generations.collectionOf("order-summary", OrderSummaryDocument.class);
        assertThat(rebuilt).isNotEqualTo(serving);
        assertThat(mongo.collectionExists(serving)).as("old generation dropped").isFalse();
        assertThat(mongo.indexOps(rebuilt).getIndexInfo())
                .extracting(IndexInfo::getName)
                .contains(INDEX_DECLARED_AT_START_UP);
        assertThat(get("/orders?size=100&customerId=" + historic).getBody()).isEqualTo(fullListBefore);
        await().atMost(PATIENCE)
                .until(() -> totalItems("/orders?status=CONFIRMED&size=1&customerId=" + live) == LIVE_ORDERS);

        List<Document> blueGreen = everySummary(rebuilt);
        ResponseEntity<JsonNode> replay =
                http.postForEntity("/admin/processors/order-summary/replay", null, JsonNode.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode status = get("/admin/processors/order-summary").getBody();
            assertThat(status.get("state").asText()).isEqualTo("CAUGHT_UP");
            assertThat(everySummary(rebuilt)).as("a fresh rebuild").isEqualTo(blueGreen);
        });
    }

    @Test
    void aRebuildThatHasNotSwitchedCanBeAbortedAndTheServingGenerationStays() {
        String serving = generations.collectionOf("order-summary", OrderSummaryDocument.class);
        ResponseEntity<JsonNode> started = http.postForEntity(REBUILD, null, JsonNode.class);
        ResponseEntity<JsonNode> aborted = http.exchange(REBUILD, HttpMethod.DELETE, HttpEntity.EMPTY, JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        int building = started.getBody().get("buildingGeneration").asInt();
        if (aborted.getStatusCode().is2xxSuccessful()) {
            assertThat(aborted.getBody().get("phase").asText()).isEqualTo("ABORTED");
            assertThat(generations.collectionOf("order-summary", OrderSummaryDocument.class))
                    .isEqualTo(serving);
            assertThat(mongo.collectionExists(OrderSummaryDocument.COLLECTION + "_g" + building))
                    .isFalse();
        } else {
            // on a small store the rebuild can catch up and start its switch before the abort arrives: too late
            assertThat(aborted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(awaitRebuildEnded().get("phase").asText()).isEqualTo("DONE");
            assertThat(generations.current("order-summary").number()).isEqualTo(building);
        }
    }

    private JsonNode awaitRebuildEnded() {
        return await().atMost(PATIENCE)
                .until(() -> get(REBUILD).getBody(), status -> Set.of("DONE", "FAILED", "ABORTED")
                        .contains(status.get("phase").asText()));
    }

    @Test
    void answersNotFoundForAReadModelThatCannotBeRebuiltBlueGreen() {
        ResponseEntity<JsonNode> refused =
                http.postForEntity("/admin/read-models/no-such-read-model/rebuild", null, JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    private List<Document> everySummary(String collection) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection);
    }

    private long totalItems(String uri) {
        ResponseEntity<JsonNode> page = get(uri);
        return page.getStatusCode().is2xxSuccessful()
                ? page.getBody().get("totalItems").asLong()
                : -1;
    }

    private ResponseEntity<JsonNode> get(String uri) {
        return http.getForEntity(uri, JsonNode.class);
    }

    /** Customers reading the list and one order over and over, recording every answer that is not the full view. */
    private final class Readers {

        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger reads = new AtomicInteger();
        private final AtomicBoolean reading = new AtomicBoolean(true);
        private final CompletableFuture<Void> loop;

        Readers(String listUri, OrderId oneOrder) {
            loop = CompletableFuture.runAsync(() -> {
                while (reading.get()) {
                    long listed = totalItems(listUri);
                    if (listed != HISTORIC_ORDERS) {
                        failures.add("list had " + listed + " orders");
                    }
                    ResponseEntity<JsonNode> order = get("/orders/" + oneOrder);
                    if (!order.getStatusCode().is2xxSuccessful()
                            || !"CONFIRMED".equals(order.getBody().get("status").asText())) {
                        failures.add("order read " + order.getStatusCode() + " " + order.getBody());
                    }
                    reads.incrementAndGet();
                }
            });
        }

        void stop() {
            reading.set(false);
            loop.join();
        }
    }
}
