package io.fulfillment.allinone;

import static io.fulfillment.allinone.FulfillmentApi.DELIVERABLE_ADDRESS;
import static io.fulfillment.allinone.FulfillmentApi.SETTLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * What an operator sees of one order: its business counters and Axon's handler metrics on {@code /actuator/prometheus},
 * one trace from the HTTP request through every message it causes, and its correlation id (and trace id) in the log.
 */
@AllInOneTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    private static final String CUSTOMER = "customer-observed";

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder restClient;

    @Autowired
    InMemorySpanExporter spans;

    private FulfillmentApi api;
    private FulfillmentApi untraced;
    private RestClient http;

    @BeforeEach
    void setUp() {
        api = new FulfillmentApi(restClient, port);
        http = restClient.baseUrl("http://127.0.0.1:" + port).build();
        // not the context's builder: its client would start a trace of its own and replace the test's traceparent
        untraced = new FulfillmentApi(RestClient.builder(), port);
    }

    @Test
    void countsAConfirmedOrderAndTimesItsHandlersOnThePrometheusEndpoint() {
        ProductId product = api.registerProduct("lamp", "20.00", 10);
        Prometheus before = scrape();

        OrderId orderId = api.placeOrder(CUSTOMER, Map.of(product, 1), DELIVERABLE_ADDRESS);
        api.awaitStatus(orderId, OrderStatus.CONFIRMED);

        awaitMetrics(after -> {
            assertThat(after.increase(before, "fulfillment_orders_placed_total"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.increase(before, "fulfillment_orders_confirmed_total"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.increase(before, "commandBus_successCounter_total", "payloadType=\"PlaceOrderCommand\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.increase(
                            before,
                            "eventProcessor_successCounter_total",
                            "payloadType=\"OrderConfirmedEvent\"",
                            "processorName=\"order-summary\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.increase(
                            before, "commandBus_allTimer_seconds_count", "payloadType=\"ConfirmOrderCommand\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.has("eventProcessor_latency", "processorName=\"order-summary\""))
                    .as("processor lag of order-summary")
                    .isTrue();
        });
    }

    @Test
    void countsARejectionByItsKindOfReasonAndTheCompensationsItCaused() {
        ProductId scarce = api.registerProduct("vase", "30.00", 1);
        ProductId plenty = api.registerProduct("rug", "60.00", 10);
        Prometheus before = scrape();

        OrderId orderId = api.placeOrder(CUSTOMER, Map.of(plenty, 1, scarce, 2), DELIVERABLE_ADDRESS);
        api.awaitStatus(orderId, OrderStatus.REJECTED);

        awaitMetrics(after -> {
            assertThat(after.increase(before, "fulfillment_orders_rejected_total", "reason=\"out-of-stock\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.increase(before, "fulfillment_compensations_total", "action=\"release-stock\""))
                    .isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void followsAnOrderInOneTraceFromTheHttpRequestThroughTheSagaToTheProjection() {
        ProductId product = api.registerProduct("clock", "15.00", 10);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpanId = HexFormat.of().formatHex(randomBytes(8));
        HttpHeaders headers = new HttpHeaders();
        headers.add("traceparent", "00-" + traceId + "-" + callerSpanId + "-01");

        ResponseEntity<JsonNode> placed = untraced.post("/orders", order(product), headers);
        assertThat(placed.getStatusCode().value()).isEqualTo(202);
        OrderId orderId = OrderId.of(placed.getBody().get("orderId").asText());
        api.awaitStatus(orderId, OrderStatus.CONFIRMED);

        await().atMost(SETTLE).untilAsserted(() -> {
            List<String> names = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId))
                    .map(SpanData::getName)
                    .toList();
            assertThat(names)
                    .as("spans of trace %s", traceId)
                    .anySatisfy(name -> assertThat(name).containsIgnoringCase("post /orders"))
                    .anySatisfy(name -> assertThat(name).isEqualTo("CommandBus.handleCommand(PlaceOrderCommand)"))
                    .anySatisfy(name -> assertThat(name).startsWith("SagaManager.invokeSaga(OrderFulfillmentSaga)"))
                    .anySatisfy(name -> assertThat(name).isEqualTo("CommandBus.handleCommand(ReserveStockCommand)"))
                    .anySatisfy(name -> assertThat(name).isEqualTo("CommandBus.handleCommand(RequestPaymentCommand)"))
                    .anySatisfy(name -> assertThat(name).isEqualTo("CommandBus.handleCommand(ConfirmOrderCommand)"))
                    .anySatisfy(name -> assertThat(name).startsWith("OrderSummaryProjection.on(OrderConfirmedEvent"));
        });
        SpanData request = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .filter(span -> span.getName().toLowerCase().contains("post /orders"))
                .findFirst()
                .orElseThrow();
        assertThat(request.getParentSpanId()).as("the caller's span").isEqualTo(callerSpanId);
    }

    /** The store is a member of readiness; the PSP breaker is shown there with its state but does not fail it. */
    @Test
    void reportsTheStoreAndThePspBreakerInReadiness() {
        ResponseEntity<JsonNode> readiness = api.get("/actuator/health/readiness");

        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        JsonNode components = readiness.getBody().path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("circuitBreakers").path("details").has("psp"))
                .as("readiness components: %s", components)
                .isTrue();
        assertThat(readiness.getBody().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void logsThePlacedOrderWithItsCorrelationIdAndTraceId(CapturedOutput output) {
        ProductId product = api.registerProduct("kettle", "25.00", 10);
        String correlationId = "observed-" + UUID.randomUUID();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Correlation-Id", correlationId);
        headers.add("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");

        ResponseEntity<JsonNode> placed = untraced.post("/orders", order(product), headers);

        assertThat(placed.getStatusCode().value()).isEqualTo(202);
        String orderId = placed.getBody().get("orderId").asText();
        await().atMost(SETTLE).untilAsserted(() -> assertThat(output.getAll().lines())
                .filteredOn(line -> line.contains("Order " + orderId + " placed"))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(correlationId).contains(traceId)));
    }

    private static Map<String, Object> order(ProductId product) {
        return Map.of(
                "customerId",
                CUSTOMER,
                "lines",
                List.of(Map.of("productId", product.toString(), "quantity", 1)),
                "shippingAddress",
                DELIVERABLE_ADDRESS);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Awaits the check on a fresh scrape; a failure shows the samples of the metrics it is about. */
    private void awaitMetrics(Consumer<Prometheus> check) {
        await().atMost(SETTLE).untilAsserted(() -> {
            Prometheus after = scrape();
            try {
                check.accept(after);
            } catch (AssertionError failure) {
                throw new AssertionError(
                        failure.getMessage() + "\nscraped: "
                                + after.samples("fulfillment_", "commandBus_", "eventProcessor_"),
                        failure);
            }
        });
    }

    private Prometheus scrape() {
        return new Prometheus(http.get().uri("/actuator/prometheus").retrieve().body(String.class));
    }

    /** The text exposition format, read just enough to sum the samples of one metric with some labels. */
    private record Prometheus(String text) {

        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

        double sum(String metric, String... labels) {
            double sum = 0;
            for (String line : text.lines().toList()) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.find() && sample.group(1).equals(metric) && hasLabels(sample.group(2), labels)) {
                    sum += Double.parseDouble(sample.group(3));
                }
            }
            return sum;
        }

        boolean has(String metric, String... labels) {
            return text.lines()
                    .map(SAMPLE::matcher)
                    .anyMatch(sample ->
                            sample.find() && sample.group(1).equals(metric) && hasLabels(sample.group(2), labels));
        }

        double increase(Prometheus before, String metric, String... labels) {
            return sum(metric, labels) - before.sum(metric, labels);
        }

        /** The samples of a metric, for the description of a failed assertion. */
        String samples(String... prefixes) {
            return text.lines()
                    .filter(line -> Stream.of(prefixes).anyMatch(line::startsWith))
                    .collect(Collectors.joining("\n"));
        }

        private static boolean hasLabels(String labelSet, String... labels) {
            for (String label : labels) {
                if (labelSet == null || !labelSet.contains(label)) {
                    return false;
                }
            }
            return true;
        }
    }
}
