package io.fulfillment.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * admin API of every service through the gateway, and payment-context killed (SIGKILL) and restarted within the payment
 * deadline (the order placed meanwhile confirmed). Each scenario prints an {@code E2E …} line with its numbers.
 *
 * <p>Without {@code MONGODB_URI} the test hosts a MongoDB-wire server itself (mongo-java-server, H2 backend, one file
 * under {@code target/e2e-data}) and hands its address to the services. JobRunr's MongoDB migrations do not run on
 * that server, so then each context service also gets, as test-only process arguments, JobRunr on an H2 file of its
 * own ({@link #jobRunrOnH2}); the services' code and configuration stay as they are.
 */
@EnabledIfEnvironmentVariable(
        named = "AXONSERVER_SERVERS",
        matches = ".+",
        disabledReason = "Distributed end-to-end test skipped: AXONSERVER_SERVERS is not set (docs/distributed.md)")
class DistributedFulfillmentIT {

    private static final String AXONSERVER_SERVERS = "AXONSERVER_SERVERS";
    private static final String MONGODB_URI = "MONGODB_URI";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration SAGA = Duration.ofMinutes(2);
    /**
     * The saga's payment deadline in this test: longer than a payment-context restart takes on a loaded build machine
     * (90–120 s), so that an order placed while payment is down can still be paid. The saga's command retries
     * (exponential from 200 ms) must outlast the downtime too: 10 retries span 205 s.
     */
    private static final Duration PAYMENT_DEADLINE = Duration.ofMinutes(5);

    private static final int SAGA_COMMAND_RETRIES = 10;
    private static final String CUSTOMER = "customer-ada";
    private static final String OTHER_CUSTOMER = "customer-bob";
    private static final List<String> TERMINAL = List.of("CONFIRMED", "REJECTED", "CANCELLED");
    private static final List<String> ADMIN_SERVICES =
            List.of("order-command", "order-query", "inventory", "payment", "shipping");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "e2e-logs").toAbsolutePath();
    private static final Path DATA = Path.of("target", "e2e-data").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Map<String, Service> services = new LinkedHashMap<>();
    private static MongoServer testMongo;
    private static String gateway;
    private static String gatewayRoot;
    private static String adminToken;
    private static String customerToken;
    private static String otherCustomerToken;

    @BeforeAll
    static void startEveryServiceAsItsOwnProcess() throws Exception {
        String axonServer = System.getenv(AXONSERVER_SERVERS);
        assumeTrue(
                axonServer != null && !axonServer.isBlank(),
                "Distributed end-to-end test skipped: set AXONSERVER_SERVERS (e.g. localhost:8124) and optionally"
                        + " MONGODB_URI (e.g. mongodb://localhost:27017, no database name) to run it"
                        + " (docs/distributed.md)");
        Files.createDirectories(LOGS);
        String mongo = System.getenv(MONGODB_URI);
        boolean ownMongo = mongo == null || mongo.isBlank();
        if (ownMongo) {
            mongo = startTestMongo();
        }
        Map<String, String> infrastructure = Map.of(AXONSERVER_SERVERS, axonServer, MONGODB_URI, mongo);

        // the sandbox journals its ledger in PSP_DATA_DIR: a fresh directory per run
        Service psp = start(
                "psp-sandbox",
                "PSP_PORT",
                Map.of("PSP_DATA_DIR", DATA.resolve("psp-" + UUID.randomUUID()).toString()),
                List.of());
        List<Service> contexts = new ArrayList<>();
        for (String context :
                List.of("order-command", "order-query", "inventory-context", "payment-context", "shipping-context")) {
            Map<String, String> environment = new LinkedHashMap<>(infrastructure);
            environment.put("PSP_BASE_URL", psp.url() + "/psp");
            environment.put("FULFILLMENT_SAGA_PAYMENTTIMEOUT", PAYMENT_DEADLINE.toSeconds() + "s");
            environment.put("FULFILLMENT_SAGA_COMMANDRETRIES", Integer.toString(SAGA_COMMAND_RETRIES));
            contexts.add(start(context, "SERVER_PORT", environment, ownMongo ? jobRunrOnH2(context) : List.of()));
        }
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("ORDER_COMMAND_URI", services.get("order-command").url());
        routes.put("ORDER_QUERY_URI", services.get("order-query").url());
        routes.put("INVENTORY_URI", services.get("inventory-context").url());
        routes.put("PAYMENT_URI", services.get("payment-context").url());
        routes.put("SHIPPING_URI", services.get("shipping-context").url());
        routes.put("PSP_URI", psp.url());
        routes.put("ADMIN_URI", services.get("order-query").url());
        routes.put("FULFILLMENT_BACKEND_URI", services.get("order-query").url());
        // the test's own gateway issues development tokens; the compose stack keeps them off
        routes.put("FULFILLMENT_DEV_TOKENS", "true");
        // the scenarios below send hundreds of requests per customer: they test fulfilment, not the edge's rate limits
        routes.put("FULFILLMENT_GATEWAY_RATELIMIT_ENABLED", "false");
        Service gatewayService = start("api-gateway", "GATEWAY_PORT", routes, List.of());
        gatewayRoot = gatewayService.url();
        gateway = gatewayRoot + "/api/v1";

        for (Service service : services.values()) {
            awaitHealthy(service);
        }
        adminToken = token("admin", "admin-demo");
        customerToken = token(CUSTOMER, "ada-demo");
        otherCustomerToken = token(OTHER_CUSTOMER, "bob-demo");
    }

    @AfterAll
    static void stopEveryService() {
        services.values().forEach(Service::stop);
        if (testMongo != null) {
            testMongo.shutdown();
        }
    }

    /** A MongoDB-wire server for every service (one database each), on a fresh H2 file under target/e2e-data. */
    private static String startTestMongo() throws IOException {
        Files.createDirectories(DATA);
        Path file = DATA.resolve("mongo-" + UUID.randomUUID() + ".mv");
        testMongo = new MongoServer(new H2Backend(file.toString()));
        testMongo.bind("127.0.0.1", 0);
        InetSocketAddress address = testMongo.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /**
     * Test-only arguments that move a context service's JobRunr storage from MongoDB to an H2 file of its own:
     * JobRunr's MongoDB migrations fail on mongo-java-server ({@code M007_UpdateJobsCollectionReplaceIndices},
     * {@code IndexNotFound}). The distributed defaults exclude the DataSource and JobRunr's SQL storage; the list
     * below is that exclusion list without those two, so only JobRunr gets a DataSource (no transaction manager, no
     * JPA, Axon's stores stay on MongoDB).
     */
    private static List<String> jobRunrOnH2(String module) {
        Path file = DATA.resolve(module + "-" + UUID.randomUUID()).resolve("jobrunr");
        return List.of(
                // mongo-java-server does not answer the MongoDB health indicator's `hello` command
                "--management.health.mongo.enabled=false",
                "--jobrunr.database.type=sql",
                "--spring.datasource.url=jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.autoconfigure.exclude="
                        + String.join(
                                ",",
                                "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
                                "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
                                "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
                                "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
                                "org.springframework.boot.autoconfigure.h2.H2ConsoleAutoConfiguration",
                                "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration",
                                "io.fulfillment.chassis.mongo.EmbeddedMongoAutoConfiguration"));
    }

    @AfterEach
    void healThePsp() throws Exception {
        if (gateway != null) {
            send("POST", "/psp/admin/faults/reset", adminToken, null);
        }
    }

    @Test
    void confirmsAnOrderAcrossEveryService() throws Exception {
        String product = registerProduct(10);

        String order = placeOrder(product, 2);

        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(product)).isEqualTo(8));
    }

    @Test
    void rejectsAnOrderForMoreThanTheStockAndReleasesWhatWasReserved() throws Exception {
        String plenty = registerProduct(10);
        String scarce = registerProduct(1);

        String order = placeOrder(Map.of(plenty, 3, scarce, 5));

        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("REJECTED");
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(plenty)).isEqualTo(10));
        assertThat(stock(scarce)).isEqualTo(1);
    }

    @Test
    void rejectsAnOrderWhosePaymentIsDeclinedAndReleasesTheStock() throws Exception {
        String product = registerProduct(10);
        send("PUT", "/psp/admin/faults", adminToken, Map.of("declineRate", 1.0));

        String order = placeOrder(product, 4);

        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("REJECTED");
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(product)).isEqualTo(10));
    }

    @Test
    void finishesAnOrderWhoseSagaServiceRestartsMidFlow() throws Exception {
        String product = registerProduct(10);
        Service orderCommand = services.get("order-command");

        String order = placeOrder(product, 1);
        // the saga, its deadlines and its processor's position live in MongoDB; the other services carry on meanwhile
        orderCommand.stop();
        orderCommand.start();
        awaitHealthy(orderCommand);

        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(product)).isEqualTo(9));
    }

    @Test
    void answersParallelRepeatsOfOneIdempotencyKeyWithTheSameOrderAndKeepsOrderingOpenForOthers() throws Exception {
        String product = registerProduct(10);
        String key = "e2e-key-" + UUID.randomUUID();
        Instant start = Instant.now();

        List<HttpResponse<String>> answers = inParallel(
                10,
                attempt -> placeOrderAs(customerToken, CUSTOMER, Map.of(product, 2), Map.of("Idempotency-Key", key)));

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        report("idempotency", "10 parallel posts with one key answered %s in %d ms", statuses, millisSince(start));
        assertThat(statuses).as("every repeat answers like the first").containsOnly(202);
        List<String> orders = answers.stream()
                .map(DistributedFulfillmentIT::orderIdOf)
                .distinct()
                .toList();
        assertThat(orders).hasSize(1);
        String order = orders.get(0);
        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(eventTypes(awaitTimelineWith(order, "OrderConfirmedEvent")))
                .filteredOn("OrderPlacedEvent"::equals)
                .hasSize(1);
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(product)).isEqualTo(8));

        // one client's repeats must not stop another customer from ordering
        assertThat(breakerState("order-place")).isEqualTo("CLOSED");
        HttpResponse<String> other = placeOrderAs(otherCustomerToken, OTHER_CUSTOMER, Map.of(product, 1), Map.of());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
        assertThat(awaitTerminal(orderIdOf(other)).path("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void bringsFiftyConcurrentOrdersToAnEndAndConservesTheStock() throws Exception {
        int orders = 60;
        int initialStock = 500;
        List<String> products = List.of(registerProduct(initialStock), registerProduct(initialStock));
        Map<String, Map<String, Integer>> placed = new ConcurrentHashMap<>();
        Instant start = Instant.now();

        List<HttpResponse<String>> answers = inParallel(orders, n -> {
            Map<String, Integer> lines = n % 3 == 0
                    ? Map.of(products.get(0), 1 + n % 3, products.get(1), 1 + n % 2)
                    : Map.of(products.get(n % 2), 1 + n % 4);
            HttpResponse<String> answer = placeOrderAs(customerToken, CUSTOMER, lines, Map.of());
            if (answer.statusCode() == 202) {
                placed.put(orderIdOf(answer), lines);
            }
            return answer;
        });
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202);
        long acceptedAfter = millisSince(start);

        Map<String, String> outcomes = awaitAllTerminal(placed.keySet());
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
        for (String product : products) {
            int confirmed = placed.entrySet().stream()
                    .filter(order -> "CONFIRMED".equals(outcomes.get(order.getKey())))
                    .mapToInt(order -> order.getValue().getOrDefault(product, 0))
                    .sum();
            await().atMost(SAGA).untilAsserted(() -> {
                JsonNode levels = productView(product);
                assertThat(levels.path("available").asInt()
                                + levels.path("reserved").asInt()
                                + levels.path("shipped").asInt())
                        .as("stock of %s is conserved: %s", product, levels)
                        .isEqualTo(initialStock);
                assertThat(levels.path("available").asInt())
                        .as("only confirmed orders hold stock of %s: %s", product, levels)
                        .isEqualTo(initialStock - confirmed);
            });
        }
    }

    @Test
    void sellsTheLastFiveUnitsToExactlyFiveOfFortyRacingOrders() throws Exception {
        String product = registerProduct(5);
        Instant start = Instant.now();

        List<HttpResponse<String>> answers =
                inParallel(40, n -> placeOrderAs(customerToken, CUSTOMER, Map.of(product, 1), Map.of()));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202);

        Map<String, String> outcomes = awaitAllTerminal(
                answers.stream().map(DistributedFulfillmentIT::orderIdOf).collect(Collectors.toSet()));
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
            JsonNode levels = productView(product);
            assertThat(levels.path("available").asInt()).as("%s", levels).isZero();
            assertThat(levels.path("reserved").asInt() + levels.path("shipped").asInt())
                    .as("%s", levels)
                    .isEqualTo(5);
        });
    }

    @Test
    void carriesTheCorrelationIdOfThePlacingRequestOnEveryTimelineEntry() throws Exception {
        String product = registerProduct(10);
        String correlationId = "e2e-correlation-" + UUID.randomUUID();

        HttpResponse<String> placed =
                placeOrderAs(customerToken, CUSTOMER, Map.of(product, 1), Map.of("X-Correlation-Id", correlationId));
        String order = orderIdOf(placed);

        assertThat(placed.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
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
            HttpResponse<String> processors = send("GET", "/admin/" + service + "/processors", adminToken, null);
            assertThat(processors.statusCode())
                    .as("%s: %s", service, processors.body())
                    .isEqualTo(200);
            List<String> names = new ArrayList<>();
            JSON.readTree(processors.body())
                    .forEach(processor -> names.add(processor.path("name").asText()));
            report("admin", "%s processors: %s", service, names);
            assertThat(names).as(service).contains(expected.get(service));
        }
        HttpResponse<String> deadLetters = send("GET", "/admin/payment/dead-letters", adminToken, null);
        assertThat(deadLetters.statusCode()).as(deadLetters.body()).isEqualTo(200);
        assertThat(deadLetters.body()).contains("payment-psp");
        HttpResponse<String> breakers = send("GET", "/admin/payment/actuator/circuitbreakers", adminToken, null);
        assertThat(breakers.statusCode()).as(breakers.body()).isEqualTo(200);
        assertThat(JSON.readTree(breakers.body()).path("circuitBreakers").has("psp"))
                .as(breakers.body())
                .isTrue();
        HttpResponse<String> processor =
                send("GET", "/admin/order-command/processors/OrderFulfillmentSagaProcessor", adminToken, null);
        assertThat(processor.statusCode()).as(processor.body()).isEqualTo(200);
    }

    @Test
    void paysAnOrderPlacedWhilePaymentWasKilledOnceItIsBackWithinTheDeadline() throws Exception {
        String product = registerProduct(10);
        Service payment = services.get("payment-context");

        payment.kill();
        Instant placedAt = Instant.now();
        String order = placeOrder(product, 1);
        payment.start();
        awaitHealthy(payment);
        Duration downtime = Duration.between(placedAt, Instant.now());
        assertThat(downtime)
                .as("payment must be back within the payment deadline for this scenario")
                .isLessThan(PAYMENT_DEADLINE);

        JsonNode summary = await().atMost(PAYMENT_DEADLINE.plus(SAGA))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> summary(order),
                        s -> TERMINAL.contains(s.path("status").asText()));
        report(
                "payment-killed",
                "payment SIGKILLed, back after %d s; the order placed meanwhile ended %s after %d s",
                downtime.toSeconds(),
                summary.path("status").asText(),
                Duration.between(placedAt, Instant.now()).toSeconds());
        assertThat(summary.path("status").asText()).as("%s", summary).isEqualTo("CONFIRMED");
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(product)).isEqualTo(9));
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

    private static String registerProduct(int stock) throws Exception {
        String id = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = send(
                "POST",
                "/products",
                adminToken,
                Map.of(
                        "id",
                        id,
                        "name",
                        "End-to-end product " + id,
                        "unitPrice",
                        Map.of("amount", new BigDecimal("12.50"), "currency", "EUR"),
                        "initialStock",
                        stock));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        await().atMost(SAGA)
                .until(() -> send("GET", "/products/" + id, adminToken, null).statusCode() == 200);
        return id;
    }

    private static String placeOrder(String product, int quantity) throws Exception {
        return placeOrder(Map.of(product, quantity));
    }

    private static String placeOrder(Map<String, Integer> quantities) throws Exception {
        HttpResponse<String> response = placeOrderAs(customerToken, CUSTOMER, quantities, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return orderIdOf(response);
    }

    private static HttpResponse<String> placeOrderAs(
            String token, String customer, Map<String, Integer> quantities, Map<String, String> headers)
            throws Exception {
        List<Map<String, Object>> lines = quantities.entrySet().stream()
                .map(line -> Map.<String, Object>of("productId", line.getKey(), "quantity", line.getValue()))
                .toList();
        return send(
                "POST",
                "/orders",
                token,
                Map.of(
                        "customerId",
                        customer,
                        "lines",
                        lines,
                        "shippingAddress",
                        Map.of(
                                "recipient", "Ada Lovelace",
                                "street", "1 Analytical Way",
                                "postalCode", "10115",
                                "city", "Berlin",
                                "country", "DE")),
                headers);
    }

    private static String orderIdOf(HttpResponse<String> placed) {
        String location = placed.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location: " + placed.statusCode() + " " + placed.body()));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Runs {@code count} calls at once (as far as a pool of 20 client threads allows) and returns their results. */
    private static <T> List<T> inParallel(int count, Call<T> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(Math.min(count, 20));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int number = n;
                results.add(clients.submit(() -> {
                    start.await();
                    return call.call(number);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> result : results) {
                answers.add(result.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T call(int number) throws Exception;
    }

    /** Polls every order until each is terminal; returns each order's final status. */
    private static Map<String, String> awaitAllTerminal(Collection<String> orders) {
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        await().atMost(SAGA.multipliedBy(2))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    for (String order : orders) {
                        if (!outcomes.containsKey(order)) {
                            String status = summary(order).path("status").asText();
                            if (TERMINAL.contains(status)) {
                                outcomes.put(order, status);
                            }
                        }
                    }
                    assertThat(outcomes.keySet()).as("terminal orders").hasSameSizeAs(orders);
                });
        return outcomes;
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
        HttpResponse<String> response = send("GET", "/orders/" + order + "/timeline", adminToken, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    private static List<String> eventTypes(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.path("entries")
                .forEach(entry -> types.add(entry.path("eventType").asText()));
        return types;
    }

    private static String breakerState(String name) throws Exception {
        HttpResponse<String> breakers = HTTP.send(
                HttpRequest.newBuilder(URI.create(gatewayRoot + "/actuator/circuitbreakers"))
                        .header("Authorization", "Bearer " + adminToken)
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(breakers.statusCode()).as(breakers.body()).isEqualTo(200);
        return JSON.readTree(breakers.body())
                .path("circuitBreakers")
                .path(name)
                .path("state")
                .asText("CLOSED");
    }

    private static long millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }

    /** One line per scenario result in the test's output, for docs/distributed.md. */
    private static void report(String scenario, String format, Object... arguments) {
        System.out.println("E2E " + scenario + ": " + String.format(format, arguments));
    }

    private static JsonNode awaitTerminal(String order) {
        return await().atMost(SAGA)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> summary(order),
                        summary -> TERMINAL.contains(summary.path("status").asText()));
    }

    private static JsonNode summary(String order) throws Exception {
        HttpResponse<String> response = send("GET", "/orders/" + order, adminToken, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    private static int stock(String product) throws Exception {
        return productView(product).path("available").asInt(-1);
    }

    private static JsonNode productView(String product) throws Exception {
        return JSON.readTree(
                send("GET", "/products/" + product, adminToken, null).body());
    }

    private static String token(String username, String password) throws Exception {
        HttpResponse<String> response =
                send("POST", "/dev/token", null, Map.of("username", username, "password", password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> send(String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        return send(method, path, token, body, Map.of());
    }

    private static HttpResponse<String> send(
            String method, String path, String token, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Service start(
            String module, String portVariable, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Service service = new Service(module, executableJar(module), freePort(), portVariable, environment, arguments);
        services.put(module, service);
        service.start();
        return service;
    }

    private static Path executableJar(String module) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no -exec.jar in " + module + "/target: run ./mvnw -B package -DskipTests first"));
        }
    }

    private static void awaitHealthy(Service service) {
        await().atMost(STARTUP)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(service.isAlive())
                            .as("%s is running (log: %s)", service.module(), service.log())
                            .isTrue();
                    HttpResponse<String> health = HTTP.send(
                            HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One service JVM; restartable on the same port. */
    private static final class Service {

        private final String module;
        private final Path jar;
        private final int port;
        private final String portVariable;
        private final Map<String, String> environment;
        private final List<String> arguments;
        private Process process;

        Service(
                String module,
                Path jar,
                int port,
                String portVariable,
                Map<String, String> environment,
                List<String> arguments) {
            this.module = module;
            this.jar = jar;
            this.port = port;
            this.portVariable = portVariable;
            this.environment = environment;
            this.arguments = arguments;
        }

        void start() throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-jar",
                    jar.toString()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().putAll(environment);
            builder.environment().put(portVariable, Integer.toString(port));
            process = builder.start();
        }

        void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** SIGKILL: no shutdown hooks, no graceful shutdown, whatever was in flight is lost to this process. */
        void kill() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }

        boolean isAlive() {
            return process != null && process.isAlive();
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        String module() {
            return module;
        }

        Path log() {
            return LOGS.resolve(module + ".log");
        }
    }
}
