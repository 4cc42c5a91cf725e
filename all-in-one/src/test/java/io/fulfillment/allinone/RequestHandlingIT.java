package io.fulfillment.allinone;

import static io.fulfillment.allinone.FulfillmentApi.DELIVERABLE_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.order.OrderStatus;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** Idempotent order placement and the answers to bad input: problem+json 4xx, never a 5xx, never a write. */
@AllInOneTest
class RequestHandlingIT {

    private static final int PARALLEL_REQUESTS = 10;
    private static final String VALID_ADDRESS =
            """
            {"recipient":"Ada","street":"1 Main St","postalCode":"1000","city":"Brussels","country":"BE"}""";
    private static final String PRODUCT = "__PRODUCT__";

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder restClient;

    @Autowired
    JdbcTemplate jdbc;

    private FulfillmentApi api;
    private ProductId product;

    @BeforeEach
    void setUp() {
        api = new FulfillmentApi(restClient, port);
        product = api.registerProduct("webcam", "59.00", 50);
    }

    @Test
    void placesExactlyOneOrderForOneIdempotencyKeyPostedInParallel() throws Exception {
        String customer = "customer-" + product;
        Callable<ResponseEntity<JsonNode>> placement =
                () -> api.placeOrder(customer, Map.of(product, 1), DELIVERABLE_ADDRESS, "checkout-" + product);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        try {
            var futures = pool.invokeAll(IntStream.range(0, PARALLEL_REQUESTS)
                    .mapToObj(i -> placement)
                    .toList());
            Set<String> orderIds = futures.stream()
                    .map(RequestHandlingIT::join)
                    .peek(response ->
                            assertThat(response.getStatusCode().value()).isEqualTo(202))
                    .map(response -> response.getBody().get("orderId").asText())
                    .collect(Collectors.toSet());

            assertThat(orderIds).hasSize(1);
            api.awaitStatus(
                    io.fulfillment.contracts.order.OrderId.of(
                            orderIds.iterator().next()),
                    OrderStatus.CONFIRMED);
            assertThat(api.get("/orders?customerId=" + customer)
                            .getBody()
                            .get("totalItems")
                            .asLong())
                    .isEqualTo(1);
            assertThat(api.product(product).available()).isEqualTo(49);
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Arguments> badRequests() {
        String line = "{\"productId\":\"" + PRODUCT + "\",\"quantity\":1}";
        String order = "{\"customerId\":\"c-1\",\"lines\":[" + line + "],\"shippingAddress\":" + VALID_ADDRESS + "}";
        return Stream.of(
                bad("malformed JSON", "/orders", "{\"customerId\":", 400),
                bad("empty body", "/orders", "", 400),
                bad("JSON array instead of object", "/orders", "[]", 400),
                bad("missing customer", "/orders", order.replace("\"customerId\":\"c-1\",", ""), 400),
                bad("blank customer", "/orders", order.replace("\"c-1\"", "\"  \""), 400),
                bad("customer as number", "/orders", order.replace("\"c-1\"", "42"), 400),
                bad("oversized customer", "/orders", order.replace("c-1", "c".repeat(10_000)), 400),
                bad("missing lines", "/orders", order.replace("\"lines\":[" + line + "],", ""), 400),
                bad("empty lines", "/orders", order.replace(line, ""), 400),
                bad("lines as string", "/orders", order.replace("[" + line + "]", "\"keyboard\""), 400),
                bad("null line", "/orders", order.replace(line, "null"), 400),
                bad("zero quantity", "/orders", order.replace("\"quantity\":1", "\"quantity\":0"), 400),
                bad("negative quantity", "/orders", order.replace("\"quantity\":1", "\"quantity\":-3"), 400),
                bad("huge quantity", "/orders", order.replace("\"quantity\":1", "\"quantity\":1000000"), 400),
                bad(
                        "overflowing quantity",
                        "/orders",
                        order.replace("\"quantity\":1", "\"quantity\":99999999999"),
                        400),
                bad("fractional quantity", "/orders", order.replace("\"quantity\":1", "\"quantity\":1.5"), 400),
                bad("quantity as text", "/orders", order.replace("\"quantity\":1", "\"quantity\":\"two\""), 400),
                bad("missing product", "/orders", order.replace("\"productId\":\"" + PRODUCT + "\",", ""), 400),
                bad("unknown product", "/orders", order.replace(PRODUCT, "no-such-product"), 422),
                bad("missing address", "/orders", order.replace(",\"shippingAddress\":" + VALID_ADDRESS, ""), 400),
                bad("country not a code", "/orders", order.replace("\"BE\"", "\"Belgium\""), 400),
                bad("oversized street", "/orders", order.replace("1 Main St", "x".repeat(5_000)), 400),
                bad("cancel unknown order", "/orders/no-such-order/cancel", "{}", 404),
                bad(
                        "register with negative stock",
                        "/products",
                        "{\"name\":\"x\",\"unitPrice\":{\"amount\":1.00,\"currency\":\"EUR\"},\"initialStock\":-1}",
                        400),
                bad(
                        "register with unknown currency",
                        "/products",
                        "{\"name\":\"x\",\"unitPrice\":{\"amount\":1.00,\"currency\":\"XYZ\"},\"initialStock\":1}",
                        400),
                bad(
                        "register with text price",
                        "/products",
                        "{\"name\":\"x\",\"unitPrice\":{\"amount\":\"cheap\",\"currency\":\"EUR\"},\"initialStock\":1}",
                        400),
                bad("restock unknown product", "/products/no-such-product/restock", "{\"quantity\":5}", 404),
                bad("restock by zero", "/products/" + PRODUCT + "/restock", "{\"quantity\":0}", 400));
    }

    private static Arguments bad(String name, String path, String body, int status) {
        return Arguments.of(name, path, body, status);
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("badRequests")
    void answersBadInputWithProblemDetailsAndWritesNothing(String name, String path, String body, int status) {
        long eventsBefore = eventsOnlyRequestsCreate();

        ResponseEntity<JsonNode> response = api.postRaw(
                path.replace(PRODUCT, product.toString()),
                body.replace(PRODUCT, product.toString()),
                MediaType.APPLICATION_JSON);

        assertThat(response.getStatusCode().value()).as(name).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(name).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).as(name).isEqualTo(status);
        assertThat(eventsOnlyRequestsCreate()).as(name).isEqualTo(eventsBefore);
    }

    @Test
    void refusesAnOversizedIdempotencyKey() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Idempotency-Key", "k".repeat(200));

        ResponseEntity<JsonNode> response = api.post(
                "/orders",
                Map.of(
                        "customerId",
                        "c-1",
                        "lines",
                        java.util.List.of(Map.of("productId", product.toString(), "quantity", 1)),
                        "shippingAddress",
                        DELIVERABLE_ADDRESS),
                headers);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void refusesAnUnsupportedMediaType() {
        ResponseEntity<JsonNode> response = api.postRaw("/orders", "customer=c-1", MediaType.TEXT_PLAIN);

        assertThat(response.getStatusCode().value()).isEqualTo(415);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersNotFoundForUnknownOrdersAndRoutes() {
        assertThat(api.get("/orders/no-such-order").getStatusCode().value()).isEqualTo(404);
        assertThat(api.get("/no-such-route").getStatusCode().value()).isEqualTo(404);
        assertThat(api.get("/orders?size=1000").getStatusCode().value()).isEqualTo(400);
    }

    /** Events that only a client request can cause; sagas still settling earlier orders never append these. */
    private long eventsOnlyRequestsCreate() {
        return jdbc.queryForObject(
                "select count(*) from DomainEventEntry where payloadType in (?, ?, ?, ?)",
                Long.class,
                "io.fulfillment.contracts.order.OrderPlacedEvent",
                "io.fulfillment.contracts.order.OrderCancelledEvent",
                "io.fulfillment.contracts.inventory.ProductRegisteredEvent",
                "io.fulfillment.contracts.inventory.ProductRestockedEvent");
    }

    private static ResponseEntity<JsonNode> join(Future<ResponseEntity<JsonNode>> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
