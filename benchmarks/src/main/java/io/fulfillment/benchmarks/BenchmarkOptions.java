package io.fulfillment.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What one benchmark run does, from {@code --name=value} arguments.
 *
 * @param orders orders of the closed-loop run through the command gateway (the throughput figure)
 * @param concurrency orders in flight (placed, not yet terminal) during the closed-loop runs
 * @param warmupOrders orders placed and awaited before anything is measured (JIT, connection pools, caches). In
 *     this JVM the default is 3000: the C2 compiler needs that long on two cores (the closed loop measured after a
 *     200-order warm-up ran at about 60 % of the rate measured after 3000 or 6000, docs/performance.md)
 * @param products the catalogue; every order takes two distinct products at random. {@code --products=N} names
 *     {@code bench-0} … {@code bench-(N-1)}; {@code --products=a,b,c} names existing products (a remote target)
 * @param pspErrorRate share of PSP calls that answer 503 (retried by the payment context)
 * @param httpOrders orders of the closed-loop run over HTTP through the API gateway (0 skips it)
 * @param httpWarmupOrders orders placed over HTTP and awaited before that run, not counted: the warm-up before goes
 *     through the command gateway, which leaves the gateway's and the API's code cold
 * @param rates offered loads (orders/s) of the open-loop latency sweep (empty skips it)
 * @param rateSeconds how long each offered load is held
 * @param replay whether to measure the replay of the order projections
 * @param replayRounds how many times each order projection is replayed, each timed and printed: the first is the
 *     first rebuild in this JVM (the replay's own code still cold), the later ones a rebuild in a warm process
 * @param raw whether to measure the raw append and read rates of the storage engine
 * @param chart where the latency-against-load PNG goes
 * @param probes whether to count commits, aggregate loads and the saga's batches inside the backends
 * @param target base URL of a running deployment's API gateway; null starts the system in this JVM instead
 * @param bearerToken a customer's token for the target (default: one from its development token endpoint)
 * @param adminToken an admin's token for the target, to register and restock products (default: development token)
 * @param watch how the target's orders are seen to end: the status stream (SSE) or polling
 * @param pollInterval polling interval, and the wait before asking again about an order not visible yet
 */
record BenchmarkOptions(
        int orders,
        int concurrency,
        int warmupOrders,
        List<String> products,
        double pspErrorRate,
        int httpOrders,
        int httpWarmupOrders,
        List<Integer> rates,
        int rateSeconds,
        boolean replay,
        int replayRounds,
        boolean raw,
        Path chart,
        boolean probes,
        String target,
        String bearerToken,
        String adminToken,
        RemoteTerminals.Watch watch,
        Duration pollInterval) {

    private static final Set<String> COMMON =
            Set.of("orders", "concurrency", "warmup-orders", "products", "rates", "rate-seconds", "chart", "target");
    private static final Set<String> IN_PROCESS_ONLY =
            Set.of("psp-error-rate", "http-orders", "http-warmup-orders", "replay", "replay-rounds", "raw", "probes");
    private static final Set<String> TARGET_ONLY = Set.of("bearer-token", "admin-token", "watch", "poll-millis");

    static BenchmarkOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int split = arg.indexOf('=');
            values.put(arg.substring(2, split), arg.substring(split + 1));
        }
        boolean remote = values.containsKey("target");
        for (String name : values.keySet()) {
            if (!COMMON.contains(name) && !IN_PROCESS_ONLY.contains(name) && !TARGET_ONLY.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (remote && IN_PROCESS_ONLY.contains(name)) {
                throw new IllegalArgumentException("--" + name + " does not apply to a remote --target");
            }
            if (!remote && TARGET_ONLY.contains(name)) {
                throw new IllegalArgumentException("--" + name + " applies only with --target");
            }
        }
        // against a running deployment the warm-up and the sweep are asked for, not assumed
        String rates = values.getOrDefault("rates", remote ? "" : "10,25,50,100");
        return new BenchmarkOptions(
                Integer.parseInt(values.getOrDefault("orders", "3000")),
                Integer.parseInt(values.getOrDefault("concurrency", "64")),
                Integer.parseInt(values.getOrDefault("warmup-orders", remote ? "0" : "3000")),
                products(values.getOrDefault("products", "100")),
                Double.parseDouble(values.getOrDefault("psp-error-rate", "0")),
                Integer.parseInt(values.getOrDefault("http-orders", "1000")),
                Integer.parseInt(values.getOrDefault("http-warmup-orders", "1000")),
                rates.isBlank()
                        ? List.of()
                        : Arrays.stream(rates.split(","))
                                .map(String::trim)
                                .map(Integer::parseInt)
                                .toList(),
                Integer.parseInt(values.getOrDefault("rate-seconds", "15")),
                Boolean.parseBoolean(values.getOrDefault("replay", "true")),
                Integer.parseInt(values.getOrDefault("replay-rounds", "2")),
                Boolean.parseBoolean(values.getOrDefault("raw", "true")),
                Path.of(values.getOrDefault("chart", "docs/performance-latency.png")),
                Boolean.parseBoolean(values.getOrDefault("probes", "true")),
                values.get("target"),
                values.get("bearer-token"),
                values.get("admin-token"),
                RemoteTerminals.Watch.valueOf(
                        values.getOrDefault("watch", "sse").toUpperCase(Locale.ROOT)),
                Duration.ofMillis(Long.parseLong(values.getOrDefault("poll-millis", "20"))));
    }

    private static List<String> products(String value) {
        if (value.matches("\\d+")) {
            return IntStream.range(0, Integer.parseInt(value))
                    .mapToObj(i -> "bench-" + i)
                    .toList();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .toList();
    }

    /** Every order a run will place, warm-up and sweep included: the stock each product must have at most. */
    int totalOrders() {
        return warmupOrders
                + orders
                + (target == null && httpOrders > 0 ? httpWarmupOrders + httpOrders : 0)
                + rates.stream().mapToInt(rate -> rate * rateSeconds).sum();
    }

    @Override
    public String toString() {
        String catalogue = products.size() > 5
                ? products.size() + " products (" + products.get(0) + " …)"
                : String.join(",", products);
        String common = String.format(
                "orders=%d concurrency=%d warmup-orders=%d products=%s rates=%s rate-seconds=%d chart=%s",
                orders, concurrency, warmupOrders, catalogue, rates, rateSeconds, chart);
        if (target == null) {
            return String.format(
                    "in-process: %s psp-error-rate=%s http-orders=%d http-warmup-orders=%d replay=%s replay-rounds=%d raw=%s"
                            + " probes=%s",
                    common, pspErrorRate, httpOrders, httpWarmupOrders, replay, replayRounds, raw, probes);
        }
        return String.format(
                "target=%s: %s bearer-token=%s admin-token=%s watch=%s poll-millis=%d",
                target,
                common,
                bearerToken == null ? "(dev token)" : "(given)",
                adminToken == null ? "(dev token)" : "(given)",
                watch.name().toLowerCase(Locale.ROOT),
                pollInterval.toMillis());
    }
}
