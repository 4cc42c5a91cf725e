package io.fulfillment.distributed;

import static io.fulfillment.distributed.DistributedStack.PAYMENT_DEADLINE;
import static io.fulfillment.distributed.GatewayClient.CUSTOMER;
import static io.fulfillment.distributed.GatewayClient.JSON;
import static io.fulfillment.distributed.GatewayClient.SAGA;
import static io.fulfillment.distributed.GatewayClient.TERMINAL;
import static io.fulfillment.distributed.GatewayClient.inParallel;
import static io.fulfillment.distributed.GatewayClient.millisSince;
import static io.fulfillment.distributed.GatewayClient.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.axoniq.axonserver.connector.AxonServerConnectionFactory;
import io.axoniq.axonserver.connector.impl.ServerAddress;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The distributed mode end to end: every service runs as its own JVM ({@code java -jar} of its {@code -exec.jar})
 * against the Axon Server in {@code AXONSERVER_SERVERS} and the MongoDB in {@code MONGODB_URI} (no database name),
 * and the test drives the API gateway. Skipped without {@code AXONSERVER_SERVERS}; see docs/distributed.md.
 *
 * <p>The guarantees of the one-process system, shown across JVMs: the saga's happy path and compensations, a saga
 * service restarted mid-flow, parallel repeats of one {@code Idempotency-Key} (one order, every answer the first's 202,
 * the route's breaker still closed for the next customer), 60 concurrent orders (all terminal, stock conserved), 40
 * orders racing for 5 units (exactly 5 confirmed), the placing request's correlation id on every timeline entry, the
 * admin API of every service through the gateway, an event stored in its old shape read through the upcasters, and
 * payment-context killed (SIGKILL) and restarted within the payment
 * deadline (the order placed meanwhile confirmed). Each scenario prints an {@code E2E …} line with its numbers.
 *
 * <p>The processes, the test's own MongoDB-wire server when {@code MONGODB_URI} is not set, and the gateway client are
 * {@link DistributedStack}'s and {@link GatewayClient}'s, shared with {@link TwoInstancesFulfillmentIT}.
 */
@EnabledIfEnvironmentVariable(
        named = "AXONSERVER_SERVERS",
        matches = ".+",
        disabledReason = "Distributed end-to-end test skipped: AXONSERVER_SERVERS is not set (docs/distributed.md)")
class DistributedFulfillmentIT {

    private static final String OTHER_CUSTOMER = "customer-bob";
    private static final List<String> ADMIN_SERVICES =
            List.of("order-command", "order-query", "inventory", "payment", "shipping");

    private static DistributedStack stack;
    private static GatewayClient gateway;
    private static String adminToken;
    private static String customerToken;
    private static String otherCustomerToken;

    @BeforeAll
    static void startEveryServiceAsItsOwnProcess() throws Exception {
        stack = DistributedStack.start(Map.of());
        gateway = stack.gateway();
        adminToken = gateway.adminToken();
        customerToken = gateway.customerToken();
        otherCustomerToken = gateway.token(OTHER_CUSTOMER, "bob-demo");
    }

    @AfterAll
    static void stopEveryService() {
        if (stack != null) {
            stack.stop();
        }
    }

    @AfterEach
    void healThePsp() throws Exception {
        if (gateway != null) {
            gateway.send("POST", "/psp/admin/faults/reset", adminToken, null);
        }
    }

    @Test
    void confirmsAnOrderAcrossEveryService() throws Exception {
        String product = gateway.registerProduct(10);

        String order = gateway.placeOrder(Map.of(product, 2));

        assertThat(gateway.awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
        await().atMost(SAGA)
                .untilAsserted(() -> assertThat(gateway.stock(product)).isEqualTo(8));
    }

    @Test
    void rejectsAnOrderForMoreThanTheStockAndReleasesWhatWasReserved() throws Exception {
        String plenty = gateway.registerProduct(10);
        String scarce = gateway.registerProduct(1);

        String order = gateway.placeOrder(Map.of(plenty, 3, scarce, 5));

        assertThat(gateway.awaitTerminal(order).path("status").asText()).isEqualTo("REJECTED");
        await().atMost(SAGA)
                .untilAsserted(() -> assertThat(gateway.stock(plenty)).isEqualTo(10));
        assertThat(gateway.stock(scarce)).isEqualTo(1);
    }

    @Test
    void rejectsAnOrderWhosePaymentIsDeclinedAndReleasesTheStock() throws Exception {
        String product = gateway.registerProduct(10);
        gateway.send("PUT", "/psp/admin/faults", adminToken, Map.of("declineRate", 1.0));

        String order = gateway.placeOrder(Map.of(product, 4));

        assertThat(gateway.awaitTerminal(order).path("status").asText()).isEqualTo("REJECTED");
        await().atMost(SAGA)
                .untilAsserted(() -> assertThat(gateway.stock(product)).isEqualTo(10));
    }

    @Test
    void finishesAnOrderWhoseSagaServiceRestartsMidFlow() throws Exception {
        String product = gateway.registerProduct(10);
        ServiceProcess orderCommand = stack.service("order-command");

        String order = gateway.placeOrder(Map.of(product, 1));
        // the saga, its deadlines and its processor's position live in MongoDB; the other services carry on meanwhile
        orderCommand.stop();
        orderCommand.start();
        orderCommand.awaitHealthy();

        assertThat(gateway.awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
        await().atMost(SAGA)
                .untilAsserted(() -> assertThat(gateway.stock(product)).isEqualTo(9));
    }

    @Test
    void answersParallelRepeatsOfOneIdempotencyKeyWithTheSameOrderAndKeepsOrderingOpenForOthers() throws Exception {
        String product = gateway.registerProduct(10);
        String key = "e2e-key-" + UUID.randomUUID();
        Instant start = Instant.now();

        List<HttpResponse<String>> answers = inParallel(
                10,
                attempt -> gateway.placeOrderAs(
                        customerToken, CUSTOMER, Map.of(product, 2), Map.of("Idempotency-Key", key)));

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        report("idempotency", "10 parallel posts with one key answered %s in %d ms", statuses, millisSince(start));
        assertThat(statuses).as("every repeat answers like the first").containsOnly(202);
        List<String> orders =
                answers.stream().map(GatewayClient::orderIdOf).distinct().toList();
        assertThat(orders).hasSize(1);
        String order = orders.get(0);
        assertThat(gateway.awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(eventTypes(awaitTimelineWith(order, "OrderConfirmedEvent")))
                .filteredOn("OrderPlacedEvent"::equals)
                .hasSize(1);
        await().atMost(SAGA)
                .untilAsserted(() -> assertThat(gateway.stock(product)).isEqualTo(8));

        // one client's repeats must not stop another customer from ordering
        assertThat(breakerState("order-place")).isEqualTo("CLOSED");
        HttpResponse<String> other =
                gateway.placeOrderAs(otherCustomerToken, OTHER_CUSTOMER, Map.of(product, 1), Map.of());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
        assertThat(gateway.awaitTerminal(GatewayClient.orderIdOf(other))
                        .path("status")
                        .asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void bringsFiftyConcurrentOrdersToAnEndAndConservesTheStock() throws Exception {
        int orders = 60;
        int initialStock = 500;
        List<String> products = List.of(gateway.registerProduct(initialStock), gateway.registerProduct(initialStock));
        Map<String, Map<String, Integer>> placed = new ConcurrentHashMap<>();
        Instant start = Instant.now();

        List<HttpResponse<String>> answers = inParallel(orders, n -> {
            Map<String, Integer> lines = n % 3 == 0
                    ? Map.of(products.get(0), 1 + n % 3, products.get(1), 1 + n % 2)
                    : Map.of(products.get(n % 2), 1 + n % 4);
            HttpResponse<String> answer = gateway.placeOrderAs(customerToken, CUSTOMER, lines, Map.of());
            if (answer.statusCode() == 202) {
                placed.put(GatewayClient.orderIdOf(answer), lines);
            }
            return answer;
        });
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202);
        long acceptedAfter = millisSince(start);

        Map<String, String> outcomes = gateway.awaitAllTerminal(placed.keySet());
        long terminalAfter = millisSince(start);
        Map<String, Long> counts =
                outcomes.values().stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        report(
                "concurrency",
                "%d concurrent orders: all accepted in %d ms, all terminal in %d ms: %s",
                orders,
                acceptedAfter,
                terminalAfter,
                counts);
        checkTimelines("concurrency", outcomes);
        gateway.assertStockConserved(products, initialStock, placed, outcomes);
    }

    @Test
    void sellsTheLastFiveUnitsToExactlyFiveOfFortyRacingOrders() throws Exception {
        String product = gateway.registerProduct(5);
        Instant start = Instant.now();

        List<HttpResponse<String>> answers =
                inParallel(40, n -> gateway.placeOrderAs(customerToken, CUSTOMER, Map.of(product, 1), Map.of()));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202);

        Map<String, String> outcomes = gateway.awaitAllTerminal(
                answers.stream().map(GatewayClient::orderIdOf).collect(Collectors.toSet()));
        long confirmed = outcomes.values().stream().filter("CONFIRMED"::equals).count();
        report(
                "last-units",
                "40 racing orders for 5 units: %d confirmed, %d rejected, all terminal in %d ms",
                confirmed,
                outcomes.values().stream().filter("REJECTED"::equals).count(),
                millisSince(start));
        assertThat(confirmed).isEqualTo(5);
        checkTimelines("last-units", outcomes);
        await().atMost(SAGA).untilAsserted(() -> {
            JsonNode levels = gateway.productView(product);
            assertThat(levels.path("available").asInt()).as("%s", levels).isZero();
            assertThat(levels.path("reserved").asInt() + levels.path("shipped").asInt())
                    .as("%s", levels)
                    .isEqualTo(5);
        });
    }

    @Test
    void carriesTheCorrelationIdOfThePlacingRequestOnEveryTimelineEntry() throws Exception {
        String product = gateway.registerProduct(10);
        String correlationId = "e2e-correlation-" + UUID.randomUUID();

        HttpResponse<String> placed = gateway.placeOrderAs(
                customerToken, CUSTOMER, Map.of(product, 1), Map.of("X-Correlation-Id", correlationId));
        String order = GatewayClient.orderIdOf(placed);

        assertThat(placed.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        assertThat(gateway.awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
        JsonNode timeline = awaitTimelineWith(order, "OrderConfirmedEvent");
        report("correlation", "timeline of %s: %s", order, timeline);
        List<JsonNode> entries = new ArrayList<>();
        timeline.path("entries").forEach(entries::add);
        assertThat(entries)
                .extracting(entry -> entry.path("context").asText())
                .contains("order", "inventory", "payment", "shipping");
        assertThat(entries)
                .allSatisfy(entry -> assertThat(entry.path("correlationId").asText())
                        .as("correlation id of %s", entry)
                        .isEqualTo(correlationId));
        assertCausalOrder(timeline);
    }

    @Test
    void reachesAProcessorOfEveryServiceThroughTheGatewaysAdminApi() throws Exception {
        Map<String, String> expected = Map.of(
                "order-command", "OrderFulfillmentSagaProcessor",
                "order-query", "order-timeline",
                "inventory", "inventory-catalogue",
                "payment", "payment-psp",
                "shipping", "shipping-view");
        for (String service : ADMIN_SERVICES) {
            HttpResponse<String> processors =
                    gateway.send("GET", "/admin/" + service + "/processors", adminToken, null);
            assertThat(processors.statusCode())
                    .as("%s: %s", service, processors.body())
                    .isEqualTo(200);
            List<String> names = new ArrayList<>();
            JSON.readTree(processors.body())
                    .forEach(processor -> names.add(processor.path("name").asText()));
            report("admin", "%s processors: %s", service, names);
            assertThat(names).as(service).contains(expected.get(service));
        }
        HttpResponse<String> deadLetters = gateway.send("GET", "/admin/payment/dead-letters", adminToken, null);
        assertThat(deadLetters.statusCode()).as(deadLetters.body()).isEqualTo(200);
        assertThat(deadLetters.body()).contains("payment-psp");
        HttpResponse<String> breakers =
                gateway.send("GET", "/admin/payment/actuator/circuitbreakers", adminToken, null);
        assertThat(breakers.statusCode()).as(breakers.body()).isEqualTo(200);
        assertThat(JSON.readTree(breakers.body()).path("circuitBreakers").has("psp"))
                .as(breakers.body())
                .isTrue();
        HttpResponse<String> processor =
                gateway.send("GET", "/admin/order-command/processors/OrderFulfillmentSagaProcessor", adminToken, null);
        assertThat(processor.statusCode()).as(processor.body()).isEqualTo(200);
    }

    @Test
    void rebuildsTheOrderSummariesBlueGreenOnAxonServerAndMongo() throws Exception {
        String product = gateway.registerProduct(10);
        String order = gateway.placeOrder(Map.of(product, 1));
        JsonNode before = gateway.awaitTerminal(order);

        HttpResponse<String> started =
                gateway.send("POST", "/admin/order-query/read-models/order-summary/rebuild", adminToken, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> JSON.readTree(gateway.send(
                                        "GET", "/admin/order-query/read-models/order-summary/rebuild", adminToken, null)
                                .body()),
                        status -> List.of("DONE", "FAILED", "ABORTED")
                                .contains(status.path("phase").asText()));

        report(
                "rebuild",
                "order-summary blue/green: %s of %s events, %s",
                done.path("eventsDone"),
                done.path("eventsTotal"),
                done);
        assertThat(done.path("phase").asText()).as("%s", done).isEqualTo("DONE");
        assertThat(gateway.summary(order)).isEqualTo(before);
    }

    /**
     * ADR 0018 in the distributed mode: an {@code OrderRejectedEvent} stored in Axon Server in its first shape (no
     * revision, the reason as free text) is read by order-query through the upcaster chain, so its timeline names the
     * reason's code. The event goes into its own aggregate stream, as the old code stored it; no saga is associated with
     * that order, so nothing but the projections reacts.
     */
    @Test
    void readsARejectionStoredInTheOldShapeFromAxonServerThroughTheUpcasters() throws Exception {
        String order = "legacy-" + UUID.randomUUID();
        String oldShape = JSON.writeValueAsString(
                Map.of("orderId", order, "reason", "out of stock: product keyboard (requested 2, available 1)"));
        String[] server =
                System.getenv("AXONSERVER_SERVERS").split(",")[0].trim().split(":");
        AxonServerConnectionFactory factory = AxonServerConnectionFactory.forClient("legacy-event-writer")
                .routingServers(new ServerAddress(server[0], server.length > 1 ? Integer.parseInt(server[1]) : 8124))
                .build();
        try {
            factory.connect("default")
                    .eventChannel()
                    .startAppendEventsTransaction()
                    .appendEvent(Event.newBuilder()
                            .setMessageIdentifier(UUID.randomUUID().toString())
                            .setAggregateType("Order")
                            .setAggregateIdentifier(order)
                            .setAggregateSequenceNumber(0)
                            .setTimestamp(System.currentTimeMillis())
                            .setPayload(SerializedObject.newBuilder()
                                    .setType("io.fulfillment.contracts.order.OrderRejectedEvent")
                                    .setData(ByteString.copyFromUtf8(oldShape)))
                            .build())
                    .commit()
                    .get(30, TimeUnit.SECONDS);
        } finally {
            factory.shutdown();
        }

        JsonNode timeline = awaitTimelineWith(order, "OrderRejectedEvent");
        report("legacy event", "timeline of %s, stored in revision 1: %s", order, timeline);
        assertThat(timeline.path("entries").get(0).path("description").asText())
                .startsWith("Order rejected (OUT_OF_STOCK)");
    }

    @Test
    void paysAnOrderPlacedWhilePaymentWasKilledOnceItIsBackWithinTheDeadline() throws Exception {
        String product = gateway.registerProduct(10);
        ServiceProcess payment = stack.service("payment-context");

        payment.kill();
        Instant placedAt = Instant.now();
        String order = gateway.placeOrder(Map.of(product, 1));
        payment.start();
        payment.awaitHealthy();
        Duration downtime = Duration.between(placedAt, Instant.now());
        assertThat(downtime)
                .as("payment must be back within the payment deadline for this scenario")
                .isLessThan(PAYMENT_DEADLINE);

        JsonNode summary = await().atMost(PAYMENT_DEADLINE.plus(SAGA))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> gateway.summary(order),
                        s -> TERMINAL.contains(s.path("status").asText()));
        report(
                "payment-killed",
                "payment SIGKILLed, back after %d s; the order placed meanwhile ended %s after %d s",
                downtime.toSeconds(),
                summary.path("status").asText(),
                Duration.between(placedAt, Instant.now()).toSeconds());
        assertThat(summary.path("status").asText()).as("%s", summary).isEqualTo("CONFIRMED");
        await().atMost(SAGA)
                .untilAsserted(() -> assertThat(gateway.stock(product)).isEqualTo(9));
    }

    /**
     * The timeline is in event-store order (its entries show their global position) and every event comes after the
     * events that caused it, whichever service recorded each: the saga's steps, each step's commands answered only after
     * the previous step's events, and the order's own events in sequence. Events two services recorded concurrently
     * (the order marked paid and the shipment scheduled, say) may come in either order, with times that disagree.
     */
    private static void assertCausalOrder(JsonNode timeline) {
        List<String> events = eventTypes(timeline);
        List<Long> positions = new ArrayList<>();
        timeline.path("entries")
                .forEach(entry -> positions.add(entry.path("position").asLong(-1)));
        assertThat(positions)
                .as("positions of %s", events)
                .isSorted()
                .doesNotHaveDuplicates()
                .allMatch(p -> p >= 0);
        assertThat(events.get(0)).as("%s", events).isEqualTo("OrderPlacedEvent");
        List<List<String>> causes = List.of(
                List.of("OrderPlacedEvent", "StockReservedEvent"),
                List.of("StockReservedEvent", "OrderStockReservedEvent"),
                List.of("StockReservedEvent", "PaymentRequestedEvent"),
                List.of("PaymentRequestedEvent", "PaymentChargedEvent"),
                List.of("PaymentChargedEvent", "OrderPaidEvent"),
                List.of("PaymentChargedEvent", "ShipmentScheduledEvent"),
                List.of("ShipmentScheduledEvent", "OrderShippingScheduledEvent"),
                List.of("ShipmentScheduledEvent", "OrderConfirmedEvent"),
                List.of("OrderStockReservedEvent", "OrderPaidEvent"),
                List.of("OrderPaidEvent", "OrderShippingScheduledEvent"),
                List.of("OrderShippingScheduledEvent", "OrderConfirmedEvent"));
        for (List<String> cause : causes) {
            if (events.contains(cause.get(0)) && events.contains(cause.get(1))) {
                assertThat(events.lastIndexOf(cause.get(0)))
                        .as("%s before %s in %s", cause.get(0), cause.get(1), events)
                        .isLessThan(events.indexOf(cause.get(1)));
            }
        }
    }

    /** One correlation id on every entry: the one of the request that placed the order. */
    private static String correlationIdOf(JsonNode timeline) {
        List<String> ids = new ArrayList<>();
        timeline.path("entries")
                .forEach(entry -> ids.add(entry.path("correlationId").asText("")));
        assertThat(ids)
                .as("correlation ids of %s", timeline)
                .isNotEmpty()
                .doesNotContain("")
                .containsOnly(ids.get(0));
        return ids.get(0);
    }

    /**
     * Every order's timeline, once it shows the order's end: in causal (event-store) order, and one correlation id on
     * every entry. Reports how many timelines show times out of that order (concurrent events of two services).
     */
    private static void checkTimelines(String scenario, Map<String, String> outcomes) {
        long outOfClockOrder = 0;
        for (Map.Entry<String, String> order : outcomes.entrySet()) {
            JsonNode timeline = awaitTimelineWith(order.getKey(), terminalEventOf(order.getValue()));
            correlationIdOf(timeline);
            assertCausalOrder(timeline);
            outOfClockOrder += isInClockOrder(timeline) ? 0 : 1;
        }
        report(
                scenario,
                "%d timelines in event-store order, one correlation id each; %d show times out of that order",
                outcomes.size(),
                outOfClockOrder);
    }

    private static String terminalEventOf(String status) {
        return switch (status) {
            case "CONFIRMED" -> "OrderConfirmedEvent";
            case "REJECTED" -> "OrderRejectedEvent";
            default -> "OrderCancelledEvent";
        };
    }

    private static boolean isInClockOrder(JsonNode timeline) {
        List<Instant> times = new ArrayList<>();
        timeline.path("entries")
                .forEach(entry ->
                        times.add(Instant.parse(entry.path("occurredAt").asText())));
        return times.stream().sorted().toList().equals(times);
    }

    private static JsonNode awaitTimelineWith(String order, String eventType) {
        return await().atMost(SAGA)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> timeline(order), timeline -> eventTypes(timeline).contains(eventType));
    }

    private static JsonNode timeline(String order) throws Exception {
        HttpResponse<String> response = gateway.send("GET", "/orders/" + order + "/timeline", adminToken, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    private static List<String> eventTypes(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.path("entries")
                .forEach(entry -> types.add(entry.path("eventType").asText()));
        return types;
    }

    private static String breakerState(String name) throws Exception {
        HttpResponse<String> breakers = gateway.getOwn("/actuator/circuitbreakers");
        assertThat(breakers.statusCode()).as(breakers.body()).isEqualTo(200);
        return JSON.readTree(breakers.body())
                .path("circuitBreakers")
                .path(name)
                .path("state")
                .asText("CLOSED");
    }
}
