package io.fulfillment.reliability;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The backends' REST API (not the gateway) as the suite drives and inspects it, with the JDK HTTP client. */
final class SystemApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, Object> ADDRESS = Map.of(
            "recipient", "Ada Lovelace",
            "street", "12 St James Square",
            "postalCode", "SW1Y 4JH",
            "city", "London",
            "country", "GB");

    record Response(int status, JsonNode body) {}

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    SystemApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static SystemApi onPort(int port) {
        return new SystemApi("http://127.0.0.1:" + port);
    }

    CompletableFuture<Response> sendAsync(String method, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json(body)))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Response(response.statusCode(), parse(response.body())));
    }

    Response send(String method, String path, Object body) {
        return sendAsync(method, path, body).join();
    }

    void registerProduct(String productId, int stock) {
        Response response = send(
                "POST",
                "/products",
                Map.of(
                        "id",
                        productId,
                        "name",
                        "product " + productId,
                        "unitPrice",
                        Map.of("amount", 12.5, "currency", "EUR"),
                        "initialStock",
                        stock));
        if (response.status() != 202) {
            throw new AssertionError("product not registered: " + response);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> product(productId) != null);
    }

    void restock(String productId, int quantity) {
        Response response = send("POST", "/products/" + productId + "/restock", Map.of("quantity", quantity));
        if (response.status() != 202) {
            throw new AssertionError("restock refused: " + response);
        }
    }

    static Map<String, Object> orderBody(String customerId, Map<String, Integer> quantities) {
        List<Map<String, Object>> lines = new ArrayList<>();
        quantities.forEach((product, quantity) -> lines.add(Map.of("productId", product, "quantity", quantity)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("lines", lines);
        body.put("shippingAddress", ADDRESS);
        return body;
    }

    /** The accepted order's id, or empty when the order was not accepted. */
    CompletableFuture<Optional<String>> placeOrder(String customerId, Map<String, Integer> quantities) {
        return sendAsync("POST", "/orders", orderBody(customerId, quantities))
                .thenApply(response -> response.status() == 202
                        ? Optional.of(response.body().get("orderId").asText())
                        : Optional.<String>empty());
    }

    JsonNode order(String orderId) {
        Response response = send("GET", "/orders/" + orderId, null);
        return response.status() == 200 ? response.body() : null;
    }

    /** Every order of the customer the order-summary read model knows. */
    List<JsonNode> ordersOf(String customerId) {
        List<JsonNode> orders = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = send("GET", "/orders?customerId=" + customerId + "&size=100&page=" + page, null)
                    .body();
            body.get("items").forEach(orders::add);
            if (body.get("items").size() < 100) {
                return orders;
            }
        }
    }

    JsonNode product(String productId) {
        Response response = send("GET", "/products/" + productId, null);
        return response.status() == 200 ? response.body() : null;
    }

    JsonNode payment(String orderId) {
        Response response = send("GET", "/payments?orderId=" + orderId, null);
        return response.status() == 200 ? response.body() : null;
    }

    JsonNode shipment(String orderId) {
        Response response = send("GET", "/shipments?orderId=" + orderId, null);
        return response.status() == 200 ? response.body() : null;
    }

    /** The carrier picks the shipment up: its reserved units become shipped. */
    void dispatch(String shipmentId) {
        Response response = send("POST", "/shipments/" + shipmentId + "/dispatch", null);
        if (response.status() >= 300) {
            throw new IllegalStateException("dispatch of " + shipmentId + " answered " + response.status());
        }
    }

    JsonNode deadLetters() {
        return send("GET", "/admin/dead-letters", null).body();
    }

    JsonNode ledger() {
        return send("GET", "/psp/admin/ledger", null).body();
    }

    void pspFaults(Map<String, Object> faults) {
        send("PUT", "/psp/admin/faults", faults);
    }

    void resetPspFaults() {
        send("POST", "/psp/admin/faults/reset", null);
    }

    String breakerState() {
        return send("GET", "/actuator/circuitbreakers", null)
                .body()
                .at("/circuitBreakers/psp/state")
                .asText();
    }

    JsonNode processors() {
        return send("GET", "/admin/processors", null).body();
    }

    boolean processorsCaughtUp() {
        for (JsonNode processor : processors()) {
            if (processor.get("lag").isNumber() && processor.get("lag").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
