package io.fulfillment.allinone;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductView;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderSummary;
import io.fulfillment.contracts.order.OrderTimeline;
import io.fulfillment.contracts.payment.PaymentView;
import io.fulfillment.contracts.shipping.ShipmentView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The system's REST API as a test drives it: real HTTP against the running process. */
final class FulfillmentApi {

    static final Duration SETTLE = Duration.ofSeconds(30);
    static final Map<String, Object> DELIVERABLE_ADDRESS = address("Ada Lovelace", "GB");

    private final RestClient http;

    FulfillmentApi(RestClient.Builder builder, int port) {
        this.http = builder.baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    static Map<String, Object> address(String recipient, String country) {
        return Map.of(
                "recipient", recipient,
                "street", "12 St James Square",
                "postalCode", "SW1Y 4JH",
                "city", "London",
                "country", country);
    }

    ResponseEntity<JsonNode> post(String path, Object body, HttpHeaders headers) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(all -> all.addAll(headers))
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> postRaw(String path, String body, MediaType contentType) {
        return http.post()
                .uri(path)
                .contentType(contentType)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    ProductId registerProduct(String name, String price, int stock) {
        ProductId productId =
                ProductId.of(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        post(
                "/products",
                Map.of(
                        "id",
                        productId.toString(),
                        "name",
                        name,
                        "unitPrice",
                        Map.of("amount", new java.math.BigDecimal(price), "currency", "EUR"),
                        "initialStock",
                        stock),
                new HttpHeaders());
        await().atMost(SETTLE)
                .until(() -> get("/products/" + productId).getStatusCode().is2xxSuccessful());
        return productId;
    }

    ProductView product(ProductId productId) {
        return http.get().uri("/products/{id}", productId).retrieve().body(ProductView.class);
    }

    ResponseEntity<JsonNode> placeOrder(
            String customerId, Map<ProductId, Integer> quantities, Map<String, Object> address, String idempotencyKey) {
        List<Map<String, Object>> lines = quantities.entrySet().stream()
                .map(line -> Map.<String, Object>of("productId", line.getKey().toString(), "quantity", line.getValue()))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("lines", lines);
        body.put("shippingAddress", address);
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.add("Idempotency-Key", idempotencyKey);
        }
        return post("/orders", body, headers);
    }

    OrderId placeOrder(String customerId, Map<ProductId, Integer> quantities, Map<String, Object> address) {
        ResponseEntity<JsonNode> response = placeOrder(customerId, quantities, address, null);
        if (response.getStatusCode().value() != 202) {
            throw new AssertionError("order not accepted: " + response);
        }
        return OrderId.of(response.getBody().get("orderId").asText());
    }

    OrderSummary awaitStatus(OrderId orderId, OrderStatus status) {
        return await().atMost(SETTLE)
                .until(() -> order(orderId), summary -> summary != null && summary.status() == status);
    }

    /** The order's summary, or null while the query side has not seen it yet. */
    OrderSummary order(OrderId orderId) {
        return http.get()
                .uri("/orders/{id}", orderId)
                .exchange((request, response) ->
                        response.getStatusCode().is2xxSuccessful() ? response.bodyTo(OrderSummary.class) : null);
    }

    OrderTimeline timeline(OrderId orderId) {
        return http.get().uri("/orders/{id}/timeline", orderId).retrieve().body(OrderTimeline.class);
    }

    PaymentView payment(OrderId orderId) {
        return http.get().uri("/payments?orderId={id}", orderId).retrieve().body(PaymentView.class);
    }

    ShipmentView shipment(OrderId orderId) {
        return http.get().uri("/shipments?orderId={id}", orderId).retrieve().body(ShipmentView.class);
    }

    ResponseEntity<JsonNode> cancel(OrderId orderId) {
        return post("/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind"), new HttpHeaders());
    }

    void pspFaults(Map<String, Object> faults) {
        http.put().uri("/psp/admin/faults").body(faults).retrieve().toBodilessEntity();
    }

    void resetPspFaults() {
        http.post().uri("/psp/admin/faults/reset").retrieve().toBodilessEntity();
    }

    JsonNode pspLedger() {
        return get("/psp/admin/ledger").getBody();
    }

    JsonNode actuator(String endpoint) {
        return get("/actuator/" + endpoint).getBody();
    }
}
