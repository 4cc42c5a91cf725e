package io.fulfillment.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.inventory.ProductId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark against a deployment that is already running (all-in-one or distributed), through its API gateway
 * only: it starts nothing and hooks into nothing. It makes sure the catalogue has the products with stock enough for
 * the run (registering or restocking them with an admin token), places 2-line orders closed-loop and, if asked, at
 * fixed offered rates, and watches each order over HTTP until it is terminal ({@link RemoteTerminals}). What only the
 * process itself knows (CPU, commits, events, aggregate loads, the saga's batches) prints "n/a (remote)".
 */
final class TargetBenchmark {

    /** The largest initial stock and restock quantity the product API accepts. */
    private static final int MAX_QUANTITY = 1_000_000;

    private static final Map<String, Object> UNIT_PRICE = Map.of("amount", new BigDecimal("10.00"), "currency", "EUR");

    private TargetBenchmark() {}

    static void run(BenchmarkOptions options) throws Exception {
        Http http = new Http();
        String api = GatewayClient.apiUrl(options.target());
        System.out.printf("target: %s (nothing is started; every request goes through the API gateway)%n", api);
        GatewayClient customer = options.bearerToken() != null
                ? GatewayClient.withToken(http, api, options.bearerToken())
                : GatewayClient.login(http, api, GatewayClient.Credentials.CUSTOMER);
        String customerId = customer.customerId().orElse(OrderLoad.CUSTOMER);
        Optional<GatewayClient> admin = admin(http, api, options);
        List<ProductId> catalogue = prepareCatalogue(options, admin, customer);

        RemoteTerminals terminals = new RemoteTerminals(customer, options.watch(), options.pollInterval());
        System.out.printf("orders placed as %s; latency resolution: %s%n", customerId, terminals.resolution());
        OrderLoad load = new OrderLoad(terminals, catalogue, () -> Counts.remote(customer));
        OrderLoad.Placement placement = OrderLoad.viaGateway(customer, customerId);
        List<OrderLoad.Run> runs = load.measure(
                        "HTTP to " + options.target(),
                        placement,
                        options,
                        options.target() + ", 2-line orders over HTTP")
                .runs();
        System.out.printf("watching: %s%n", terminals.counters());
        Report.table(runs);
        System.out.printf("latency resolution: %s%n", terminals.resolution());
        if (customer.tooManyRequests() > 0) {
            System.out.printf(
                    "NOTE: the gateway's rate limit answered 429 to %d of %d requests (%.1f s of back-off): these"
                            + " figures include that waiting. To measure the system rather than the limit, start the"
                            + " target with FULFILLMENT_GATEWAY_RATELIMIT_ENABLED=false.%n",
                    customer.tooManyRequests(), customer.requests(), customer.backOffNanos() / 1e9);
        }
    }

    private static Optional<GatewayClient> admin(Http http, String api, BenchmarkOptions options) {
        if (options.adminToken() != null) {
            return Optional.of(GatewayClient.withToken(http, api, options.adminToken()));
        }
        try {
            return Optional.of(GatewayClient.login(http, api, GatewayClient.Credentials.ADMIN));
        } catch (RuntimeException noDevTokens) {
            System.out.printf(
                    "no admin token (%s): products are used as the catalogue has them%n", noDevTokens.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Every product of the run in the target's catalogue with at least as many units available as the run has orders
     * (an order takes at most one unit of a product): missing ones registered with {@link #MAX_QUANTITY} units, short
     * ones restocked. Without an admin token, a missing product is an error and a short one a warning.
     */
    private static List<ProductId> prepareCatalogue(
            BenchmarkOptions options, Optional<GatewayClient> admin, GatewayClient customer) {
        GatewayClient reader = admin.orElse(customer);
        int needed = options.totalOrders();
        Map<String, Integer> available = availableStock(reader);
        int registered = 0;
        int restocked = 0;
        for (String product : options.products()) {
            Integer stock = available.get(product);
            if (stock == null) {
                GatewayClient registrar = admin.orElseThrow(() -> new IllegalStateException("product " + product
                        + " is not in the target's catalogue, and without an admin token it cannot be registered"));
                int status = expect(
                        registrar.send(
                                "POST",
                                "/products",
                                Map.of(
                                        "id",
                                        product,
                                        "name",
                                        "benchmark product " + product,
                                        "unitPrice",
                                        UNIT_PRICE,
                                        "initialStock",
                                        MAX_QUANTITY)),
                        "register " + product,
                        202,
                        409);
                registered += status == 202 ? 1 : 0;
                stock = status == 202 ? MAX_QUANTITY : 0;
            }
            if (stock < needed) {
                if (admin.isEmpty()) {
                    System.out.printf(
                            "WARNING: %s has %d units available and the run places up to %d orders; orders beyond its"
                                    + " stock are rejected (out of stock)%n",
                            product, stock, needed);
                    continue;
                }
                for (int missing = needed - stock; missing > 0; missing -= MAX_QUANTITY) {
                    expect(
                            admin.get()
                                    .send(
                                            "POST",
                                            "/products/" + product + "/restock",
                                            Map.of("quantity", Math.min(missing, MAX_QUANTITY))),
                            "restock " + product,
                            202);
                }
                restocked++;
            }
        }
        awaitInCatalogue(reader, options.products());
        System.out.printf(
                "catalogue: %d products (%d registered, %d restocked); each needs ≥ %d units available, the most the"
                        + " run's orders can take%s%n",
                options.products().size(),
                registered,
                restocked,
                needed,
                admin.isEmpty() ? " (not checked beyond the warnings above: no admin token)" : "");
        return options.products().stream().map(ProductId::of).toList();
    }

    private static Map<String, Integer> availableStock(GatewayClient reader) {
        Http.Response response = reader.send("GET", "/products", null).join();
        if (response.status() != 200) {
            throw new IllegalStateException("GET /products answered " + response.status() + " " + response.body());
        }
        Map<String, Integer> available = new HashMap<>();
        for (JsonNode product : response.body().path("products")) {
            JsonNode id = product.path("productId");
            available.put(
                    id.isTextual() ? id.asText() : id.path("value").asText(),
                    product.path("available").asInt());
        }
        return available;
    }

    /** Orders are priced from the catalogue read model: wait until it knows every product. */
    private static void awaitInCatalogue(GatewayClient reader, List<String> products) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!availableStock(reader).keySet().containsAll(products)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the catalogue did not list every product within 2 minutes");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private static int expect(CompletableFuture<Http.Response> sent, String what, int... acceptable) {
        Http.Response response = sent.join();
        for (int status : acceptable) {
            if (response.status() == status) {
                return status;
            }
        }
        throw new IllegalStateException(what + " answered " + response.status() + " " + response.body());
    }
}
