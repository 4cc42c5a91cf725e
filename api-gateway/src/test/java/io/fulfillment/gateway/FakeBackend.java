package io.fulfillment.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A stand-in for the backends on a random loopback port: canned JSON for orders, payments, shipments, products and
 * admin endpoints (or the status a request asks for in {@value #FORCE_STATUS}), and a record of every request it
 * received (method, path with query, headers, body).
 */
public final class FakeBackend {

    public static final String ADA = "customer-ada";
    public static final String BOB = "customer-bob";
    public static final String ADAS_ORDER = "order-of-ada";
    public static final String BOBS_ORDER = "order-of-bob";
    /** A request header that makes the backend answer with the status it names, whatever the path. */
    public static final String FORCE_STATUS = "X-Fake-Status";

    /** An order total as the backends write it: scaled to the currency's minor unit. */
    public static final String ORDER_TOTAL = "89.90";

    private static final Map<String, String> OWNERS = Map.of(ADAS_ORDER, ADA, BOBS_ORDER, BOB);

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();

    private volatile int readinessStatus = 200;

    private FakeBackend(HttpServer server) {
        this.server = server;
    }

    public static FakeBackend start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeBackend backend = new FakeBackend(server);
            server.createContext("/", backend::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return backend;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A loopback URI on which nothing listens: connections are refused. */
    public static String deadUri() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code /actuator/health/readiness} answers: 200 (ready) by default. */
    public void readiness(int status) {
        readinessStatus = status;
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The last request the backend received for exactly this path and query. */
    public Optional<Received> lastRequest(String method, String pathAndQuery) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.pathAndQuery().equals(pathAndQuery))
                .reduce((first, second) -> second);
    }

    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(
                method, query == null ? path : path + "?" + query, Map.copyOf(exchange.getRequestHeaders()), body));
        String[] parts = path.split("/");
        String forcedStatus = exchange.getRequestHeaders().getFirst(FORCE_STATUS);
        if (path.equals("/actuator/health/readiness")) {
            respond(exchange, readinessStatus, "{\"status\":\"" + (readinessStatus == 200 ? "UP" : "DOWN") + "\"}");
        } else if (forcedStatus != null) {
            respond(exchange, Integer.parseInt(forcedStatus), "{\"status\":" + forcedStatus + "}");
        } else if (path.equals("/orders") && method.equals("POST")) {
            respond(exchange, 202, "{\"orderId\":\"new-order\"}");
        } else if (path.equals("/orders") && method.equals("GET")) {
            respond(exchange, 200, "[]");
        } else if (path.startsWith("/orders/") && parts.length == 3) {
            String owner = OWNERS.get(parts[2]);
            if (owner == null) {
                respondProblem(exchange, 404, "No order " + parts[2] + ".", path);
            } else {
                respond(
                        exchange,
                        200,
                        "{\"orderId\":\"" + parts[2] + "\",\"customerId\":\"" + owner
                                + "\",\"status\":\"CONFIRMED\",\"total\":{\"amount\":" + ORDER_TOTAL
                                + ",\"currency\":\"EUR\"}}");
            }
        } else if (path.startsWith("/orders/") && path.endsWith("/cancel")) {
            respond(exchange, 202, "{}");
        } else if (path.startsWith("/orders/") && path.endsWith("/timeline")) {
            respond(exchange, 200, "[]");
        } else if (path.equals("/shipments")) {
            respond(exchange, 404, "{\"status\":404}");
        } else if (path.equals("/payments")) {
            respond(exchange, 200, "{\"paymentId\":\"p-1\",\"status\":\"COMPLETED\"}");
        } else if (path.startsWith("/admin/processors/") && path.endsWith("/replay")) {
            exchange.getResponseHeaders().add("Location", path.substring(0, path.length() - "/replay".length()));
            respond(exchange, 202, "{}");
        } else if (path.startsWith("/products") || path.startsWith("/admin")) {
            respond(exchange, 200, "[]");
        } else {
            respond(exchange, 404, "{\"status\":404}");
        }
    }

    /** A problem as the backends' chassis writes it: their own path as instance, no correlation id. */
    private static void respondProblem(HttpExchange exchange, int status, String detail, String path)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        byte[] bytes = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\",\"instance\":\"" + path + "\",\"code\":\"order.not-found\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
