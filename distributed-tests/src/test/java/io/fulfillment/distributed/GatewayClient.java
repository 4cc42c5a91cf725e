package io.fulfillment.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The API gateway of a {@link DistributedStack} as a customer and an administrator use it: development tokens,
 * products, orders and the query side that shows how each order ended. Everything goes through {@code /api/v1}.
 */
final class GatewayClient {

    static final String CUSTOMER = "customer-ada";
    static final List<String> TERMINAL = List.of("CONFIRMED", "REJECTED", "CANCELLED");
    /** How long one saga step may take across JVMs on a loaded build machine. */
    static final Duration SAGA = Duration.ofMinutes(2);

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String root;
    private final String api;
    private String adminToken;
    private String customerToken;

    private GatewayClient(String root) {
        this.root = root;
        this.api = root + "/api/v1";
    }

    /** A client of the gateway at {@code root}, holding the administrator's and customer-ada's tokens. */
    static GatewayClient signedIn(String root) throws Exception {
        GatewayClient client = new GatewayClient(root);
        client.adminToken = client.token("admin", "admin-demo");
        client.customerToken = client.token(CUSTOMER, "ada-demo");
        return client;
    }

    String adminToken() {
        return adminToken;
    }

    String customerToken() {
        return customerToken;
    }

    /** A development token of {@code username}. */
    String token(String username, String password) throws Exception {
        HttpResponse<String> response =
                send("POST", "/dev/token", null, Map.of("username", username, "password", password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** Registers a product with a fresh id and {@code stock} units, and waits until the catalogue shows it. */
    String registerProduct(int stock) throws Exception {
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

    /** Places an order as customer-ada and returns its id (the answer must be 202). */
    String placeOrder(Map<String, Integer> quantities) throws Exception {
        HttpResponse<String> response = placeOrderAs(customerToken, CUSTOMER, quantities, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return orderIdOf(response);
    }

    HttpResponse<String> placeOrderAs(
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

    static String orderIdOf(HttpResponse<String> placed) {
        String location = placed.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location: " + placed.statusCode() + " " + placed.body()));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Waits until the order's summary shows a terminal status; returns that summary. */
    JsonNode awaitTerminal(String order) {
        return await().atMost(SAGA)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> summary(order),
                        summary -> TERMINAL.contains(summary.path("status").asText()));
    }

    /** Polls every order until each is terminal; returns each order's final status. */
    Map<String, String> awaitAllTerminal(Collection<String> orders) {
        return awaitAllTerminal(orders, SAGA.multipliedBy(2));
    }

    /** Polls every order until each is terminal, for at most {@code atMost}; returns each order's final status. */
    Map<String, String> awaitAllTerminal(Collection<String> orders, Duration atMost) {
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        await().atMost(atMost)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    outcomes.putAll(terminalOf(orders));
                    assertThat(outcomes.keySet()).as("terminal orders").hasSameSizeAs(orders);
                });
        return outcomes;
    }

    /** The orders that are terminal now, with their status. */
    Map<String, String> terminalOf(Collection<String> orders) throws Exception {
        Map<String, String> terminal = new ConcurrentHashMap<>();
        for (String order : orders) {
            String status = summary(order).path("status").asText();
            if (TERMINAL.contains(status)) {
                terminal.put(order, status);
            }
        }
        return terminal;
    }

    JsonNode summary(String order) throws Exception {
        return readIfFound("/orders/" + order);
    }

    /** The product's stock levels: {@code available}, {@code reserved}, {@code shipped}. */
    JsonNode productView(String product) throws Exception {
        return readIfFound("/products/" + product);
    }

    int stock(String product) throws Exception {
        return productView(product).path("available").asInt(-1);
    }

    /**
     * Every product: {@code available + reserved + shipped} is its initial stock, and {@code available} is the initial
     * stock less what the confirmed ones of the {@code placed} orders (their lines, by order id) took; a rejected
     * order's reservation was released.
     */
    void assertStockConserved(
            Collection<String> products,
            int initialStock,
            Map<String, Map<String, Integer>> placed,
            Map<String, String> outcomes) {
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

    /** The payment of an order as payment-context records it, or an empty node if it has none. */
    JsonNode paymentOf(String order) throws Exception {
        return readIfFound("/payments?orderId=" + order);
    }

    /** The PSP sandbox's ledger: {@code charges} (with their idempotency keys) and {@code refunds}. */
    JsonNode pspLedger() throws Exception {
        return readIfFound("/psp/admin/ledger");
    }

    private JsonNode readIfFound(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, adminToken, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    /** A GET of one of the gateway's own endpoints (outside {@code /api/v1}, e.g. its actuator) as the admin. */
    HttpResponse<String> getOwn(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(root + path))
                        .header("Authorization", "Bearer " + adminToken)
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        return send(method, path, token, body, Map.of());
    }

    HttpResponse<String> send(String method, String path, String token, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
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

    /** Runs {@code count} calls at once (as far as a pool of 20 client threads allows) and returns their results. */
    static <T> List<T> inParallel(int count, Call<T> call) throws Exception {
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
    interface Call<T> {
        T call(int number) throws Exception;
    }

    static long millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }

    /** One line per scenario result in the test's output, for docs/distributed.md. */
    static void report(String scenario, String format, Object... arguments) {
        System.out.println("E2E " + scenario + ": " + String.format(format, arguments));
    }
}
