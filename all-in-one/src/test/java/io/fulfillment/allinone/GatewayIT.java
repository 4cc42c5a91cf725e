package io.fulfillment.allinone;

import static io.fulfillment.allinone.FulfillmentApi.DELIVERABLE_ADDRESS;
import static io.fulfillment.allinone.FulfillmentApi.SETTLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.inventory.ProductId;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The system as users reach it: the API gateway (its own application context, as the launcher starts it) in front of
 * the backends, over real HTTP, with real JWTs from the development token endpoint.
 */
@AllInOneTest
class GatewayIT {

    private static ConfigurableApplicationContext gateway;
    private static ConfigurableApplicationContext gatewayWithoutPayments;

    @LocalServerPort
    int backendPort;

    @Autowired
    ConfigurableApplicationContext backends;

    @Autowired
    RestClient.Builder restClient;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    SagaGate sagaGate;

    private FulfillmentApi backendApi;
    private RestClient viaGateway;
    private ProductId product;

    @BeforeEach
    void setUp() throws IOException {
        if (gateway == null) {
            gateway = FulfillmentApplication.startGateway(backends, "--server.port=0", "--server.address=127.0.0.1");
            gatewayWithoutPayments = FulfillmentApplication.startGateway(
                    backends,
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--fulfillment.gateway.backends.payment=http://127.0.0.1:" + unusedPort(),
                    // its payment backend never answers: it must not wait for it before it serves anything
                    "--fulfillment.gateway.await-backends.enabled=false");
        }
        backendApi = new FulfillmentApi(restClient, backendPort);
        viaGateway = client(gateway);
        product = backendApi.registerProduct("speaker", "35.00", 100);
    }

    @AfterAll
    static void stopGateways() {
        if (gateway != null) {
            gateway.close();
            gatewayWithoutPayments.close();
        }
    }

    @Test
    void carriesTheCallersCorrelationIdIntoEveryEventOfTheOrder() {
        String correlationId = "it-" + UUID.randomUUID();
        String ada = token("customer-ada", "ada-demo");

        ResponseEntity<JsonNode> placed = placeOrder(viaGateway, ada, "customer-ada", correlationId);

        assertThat(placed.getStatusCode().value()).isEqualTo(202);
        assertThat(placed.getHeaders().get("X-Correlation-Id")).containsExactly(correlationId);
        String orderId = placed.getBody().get("orderId").asText();
        assertThat(placed.getHeaders().getLocation()).hasToString("/api/v1/orders/" + orderId);
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode timeline = get(viaGateway, ada, "/api/v1/orders/" + orderId + "/timeline")
                    .getBody();
            List<String> types = timeline.findValuesAsText("eventType");
            assertThat(types).contains("OrderPlacedEvent", "PaymentChargedEvent", "OrderConfirmedEvent");
            assertThat(timeline.findValuesAsText("correlationId"))
                    .hasSize(types.size())
                    .containsOnly(correlationId);
        });
    }

    @Test
    void refusesMissingInvalidAndInsufficientCredentials() {
        String ada = token("customer-ada", "ada-demo");

        assertThat(get(viaGateway, null, "/api/v1/orders").getStatusCode().value())
                .isEqualTo(401);
        assertThat(get(viaGateway, ada + "x", "/api/v1/orders").getStatusCode().value())
                .isEqualTo(401);
        ResponseEntity<JsonNode> forbidden = get(viaGateway, ada, "/api/v1/admin/processors");
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(forbidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get(viaGateway, token("admin", "admin-demo"), "/api/v1/admin/processors")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void keepsMoneyExactlyAsTheOrderStatesIt() {
        String ada = token("customer-ada", "ada-demo");
        String orderId = placeOrder(viaGateway, ada, "customer-ada", null)
                .getBody()
                .get("orderId")
                .asText();

        String summary = await().atMost(SETTLE)
                .until(() -> raw(viaGateway, ada, "/api/v1/orders/" + orderId), body -> body.contains("\"total\""));
        String details = raw(viaGateway, ada, "/api/v1/orders/" + orderId + "/details");

        assertThat(summary).contains("\"amount\":35.00,");
        assertThat(details).contains("\"amount\":35.00,").doesNotContain("\"amount\":35.0,", "\"amount\":35,");
    }

    @Test
    void reachesAJustPlacedOrderBeforeTheReadSideKnowsIt() throws Exception {
        String ada = token("customer-ada", "ada-demo");
        String bob = token("customer-bob", "bob-demo");
        EventProcessor summaries = processing.eventProcessor("order-summary").orElseThrow();
        summaries.shutDown();
        sagaGate.close(); // keeps the order cancellable: the saga waits before it confirms
        try {
            Map<String, Object> body = Map.of(
                    "customerId", "customer-ada",
                    "lines", List.of(Map.of("productId", product.toString(), "quantity", 1)),
                    "shippingAddress", FulfillmentApi.address(SagaGate.HELD_RECIPIENT, "GB"));
            String orderId = post(viaGateway, ada, "/api/v1/orders", body, null)
                    .getBody()
                    .get("orderId")
                    .asText();

            ResponseEntity<JsonNode> notBobs =
                    post(viaGateway, bob, "/api/v1/orders/" + orderId + "/cancel", Map.of(), null);
            ResponseEntity<JsonNode> cancelled = post(
                    viaGateway,
                    ada,
                    "/api/v1/orders/" + orderId + "/cancel",
                    Map.of("reason", "changed my mind"),
                    null);
            CompletableFuture<ResponseEntity<JsonNode>> read =
                    CompletableFuture.supplyAsync(() -> get(viaGateway, ada, "/api/v1/orders/" + orderId));
            summaries.start();

            assertThat(notBobs.getStatusCode().value()).isEqualTo(404);
            assertThat(notBobs.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(cancelled.getStatusCode().value()).isEqualTo(202);
            assertThat(read.get(10, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(200);
        } finally {
            sagaGate.open();
            if (!summaries.isRunning()) {
                summaries.start();
            }
        }
    }

    @Test
    void answersARepeatedRequestWithItsOrderAndRefusesAnotherRequestUnderTheSameKey() {
        String ada = token("customer-ada", "ada-demo");
        String key = "it-" + UUID.randomUUID();

        ResponseEntity<JsonNode> first = placeOrderWithKey(ada, key, 1);
        ResponseEntity<JsonNode> again = placeOrderWithKey(ada, key, 1);
        ResponseEntity<JsonNode> other = placeOrderWithKey(ada, key, 2);

        assertThat(first.getStatusCode().value()).isEqualTo(202);
        assertThat(again.getStatusCode().value()).isEqualTo(202);
        assertThat(again.getBody().get("orderId")).isEqualTo(first.getBody().get("orderId"));
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(other.getBody().get("code").asText()).isEqualTo("order.idempotency-key-reused");
        String orderId = first.getBody().get("orderId").asText();
        await().atMost(SETTLE).untilAsserted(() -> assertThat(get(viaGateway, ada, "/api/v1/orders/" + orderId)
                        .getBody()
                        .at("/lines/0/quantity")
                        .asInt())
                .isEqualTo(1));
    }

    /** In one process every service's admin route reaches the same backend: each lists every processor. */
    @Test
    void reachesEveryServicesAdminApiAndActuatorUnderItsName() {
        String admin = token("admin", "admin-demo");

        for (String service : List.of("order-command", "order-query", "inventory", "payment", "shipping")) {
            ResponseEntity<JsonNode> processors = get(viaGateway, admin, "/api/v1/admin/" + service + "/processors");
            assertThat(processors.getStatusCode().value()).as(service).isEqualTo(200);
            assertThat(processors.getBody().findValuesAsText("name"))
                    .as(service)
                    .contains("OrderFulfillmentSagaProcessor", "payment-psp", "inventory-catalogue", "shipping-view");
        }
        assertThat(get(viaGateway, admin, "/api/v1/admin/payment/dead-letters")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(get(viaGateway, admin, "/api/v1/admin/payment/actuator/circuitbreakers")
                        .getBody()
                        .path("circuitBreakers")
                        .has("psp"))
                .isTrue();
    }

    /** Health is public; metrics and every other actuator endpoint, the gateway's or a service's, are for admins. */
    @Test
    void keepsActuatorEndpointsOtherThanHealthToAdmins() {
        String ada = token("customer-ada", "ada-demo");
        String admin = token("admin", "admin-demo");

        assertThat(getText(viaGateway, null, "/actuator/health").getStatusCode().value())
                .isEqualTo(200);
        assertThat(getText(viaGateway, null, "/actuator/prometheus")
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(getText(viaGateway, ada, "/actuator/prometheus")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(getText(viaGateway, ada, "/api/v1/admin/order-command/actuator/prometheus")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(getText(viaGateway, null, "/api/v1/actuator/metrics")
                        .getStatusCode()
                        .value())
                .isEqualTo(401);

        ResponseEntity<String> gatewayMetrics = getText(viaGateway, admin, "/actuator/prometheus");
        assertThat(gatewayMetrics.getStatusCode().value()).isEqualTo(200);
        assertThat(gatewayMetrics.getBody()).contains("http_server_requests_seconds");
        ResponseEntity<String> serviceMetrics =
                getText(viaGateway, admin, "/api/v1/admin/order-command/actuator/prometheus");
        assertThat(serviceMetrics.getStatusCode().value()).isEqualTo(200);
        assertThat(serviceMetrics.getBody()).contains("fulfillment_orders_placed_total");
    }

    @Test
    void keepsEachCustomerToTheirOwnOrders() {
        String ada = token("customer-ada", "ada-demo");
        String bob = token("customer-bob", "bob-demo");
        String orderId = placeOrder(viaGateway, ada, "customer-ada", null)
                .getBody()
                .get("orderId")
                .asText();
        await().atMost(SETTLE).until(() -> get(viaGateway, ada, "/api/v1/orders/" + orderId)
                .getStatusCode()
                .is2xxSuccessful());

        assertThat(get(viaGateway, bob, "/api/v1/orders/" + orderId)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(post(viaGateway, bob, "/api/v1/orders/" + orderId + "/cancel", Map.of(), null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(placeOrder(viaGateway, bob, "customer-ada", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void aggregatesOrderPaymentAndShipment() {
        String ada = token("customer-ada", "ada-demo");
        String orderId = placeOrder(viaGateway, ada, "customer-ada", null)
                .getBody()
                .get("orderId")
                .asText();

        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode details = get(viaGateway, ada, "/api/v1/orders/" + orderId + "/details")
                    .getBody();
            assertThat(details.at("/order/status").asText()).isEqualTo("CONFIRMED");
            assertThat(details.at("/payment/status").asText()).isEqualTo("CHARGED");
            assertThat(details.at("/shipment/status").asText()).isEqualTo("SCHEDULED");
            assertThat(details.get("unavailable")).isEmpty();
        });
    }

    @Test
    void degradesGracefullyWhenThePaymentBackendIsDown() {
        RestClient degraded = client(gatewayWithoutPayments);
        String ada = token(degraded, "customer-ada", "ada-demo");
        String orderId = placeOrder(degraded, ada, "customer-ada", null)
                .getBody()
                .get("orderId")
                .asText();
        await().atMost(SETTLE).until(() -> get(degraded, ada, "/api/v1/orders/" + orderId)
                .getStatusCode()
                .is2xxSuccessful());

        ResponseEntity<JsonNode> details = get(degraded, ada, "/api/v1/orders/" + orderId + "/details");

        assertThat(details.getStatusCode().value()).isEqualTo(200);
        assertThat(details.getBody().get("payment").isNull()).isTrue();
        assertThat(details.getBody().get("unavailable").toString()).isEqualTo("[\"payment\"]");
        ResponseEntity<JsonNode> payments =
                get(degraded, token(degraded, "admin", "admin-demo"), "/api/v1/payments?orderId=" + orderId);
        assertThat(payments.getStatusCode().value()).isEqualTo(503);
        assertThat(payments.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseEntity<JsonNode> placeOrder(
            RestClient client, String token, String customerId, String correlation) {
        Map<String, Object> body = Map.of(
                "customerId", customerId,
                "lines", List.of(Map.of("productId", product.toString(), "quantity", 1)),
                "shippingAddress", DELIVERABLE_ADDRESS);
        return post(client, token, "/api/v1/orders", body, correlation);
    }

    private ResponseEntity<JsonNode> placeOrderWithKey(String token, String idempotencyKey, int quantity) {
        Map<String, Object> body = Map.of(
                "customerId",
                "customer-ada",
                "lines",
                List.of(Map.of("productId", product.toString(), "quantity", quantity)),
                "shippingAddress",
                DELIVERABLE_ADDRESS);
        return viaGateway
                .post()
                .uri("/api/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    authorize(headers, token);
                    headers.add("Idempotency-Key", idempotencyKey);
                })
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    /** The body as the gateway wrote it, not parsed (parsing could change how numbers are written). */
    private static String raw(RestClient client, String token, String path) {
        return client.get()
                .uri(path)
                .headers(headers -> authorize(headers, token))
                .retrieve()
                .body(String.class);
    }

    private String token(String username, String password) {
        return token(viaGateway, username, password);
    }

    /** Each gateway signs with its own development key, so a token is valid only where it was issued. */
    private static String token(RestClient client, String username, String password) {
        return client.post()
                .uri("/api/v1/dev/token")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", password))
                .retrieve()
                .body(JsonNode.class)
                .get("access_token")
                .asText();
    }

    private static ResponseEntity<String> getText(RestClient client, String token, String path) {
        return client.get()
                .uri(path)
                .headers(headers -> authorize(headers, token))
                .retrieve()
                .toEntity(String.class);
    }

    private static ResponseEntity<JsonNode> get(RestClient client, String token, String path) {
        return client.get()
                .uri(path)
                .headers(headers -> authorize(headers, token))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private static ResponseEntity<JsonNode> post(
            RestClient client, String token, String path, Object body, String correlationId) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    authorize(headers, token);
                    if (correlationId != null) {
                        headers.add("X-Correlation-Id", correlationId);
                    }
                })
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private static void authorize(HttpHeaders headers, String token) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
    }

    private RestClient client(ConfigurableApplicationContext context) {
        return restClient
                .clone()
                .baseUrl("http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
