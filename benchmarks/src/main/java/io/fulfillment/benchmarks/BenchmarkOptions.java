package io.fulfillment.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does, from {@code --name=value} arguments.
 *
 * @param orders orders of the closed-loop run through the command gateway (the throughput figure)
 * @param concurrency orders in flight (placed, not yet terminal) during the closed-loop runs
 * @param warmupOrders orders placed and awaited before anything is measured (JIT, connection pools, caches)
 * @param products products in the catalogue; every order takes two distinct ones at random
 * @param pspErrorRate share of PSP calls that answer 503 (retried by the payment context)
 * @param httpOrders orders of the closed-loop run over HTTP through the API gateway (0 skips it)
 * @param rates offered loads (orders/s) of the open-loop latency sweep (empty skips it)
 * @param rateSeconds how long each offered load is held
 * @param replay whether to measure the replay of the order projections
 * @param raw whether to measure the raw append and read rates of the storage engine
 * @param chart where the latency-against-load PNG goes
 */
record BenchmarkOptions(
        int orders,
        int concurrency,
        int warmupOrders,
        int products,
        double pspErrorRate,
        int httpOrders,
        List<Integer> rates,
        int rateSeconds,
        boolean replay,
        boolean raw,
        Path chart) {

    static BenchmarkOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int split = arg.indexOf('=');
            values.put(arg.substring(2, split), arg.substring(split + 1));
        }
        BenchmarkOptions options = new BenchmarkOptions(
                Integer.parseInt(values.getOrDefault("orders", "3000")),
                Integer.parseInt(values.getOrDefault("concurrency", "64")),
                Integer.parseInt(values.getOrDefault("warmup-orders", "300")),
                Integer.parseInt(values.getOrDefault("products", "100")),
                Double.parseDouble(values.getOrDefault("psp-error-rate", "0")),
                Integer.parseInt(values.getOrDefault("http-orders", "1000")),
                values.getOrDefault("rates", "10,25,50,100").isBlank()
                        ? List.of()
                        : Arrays.stream(values.getOrDefault("rates", "10,25,50,100")
                                        .split(","))
                                .map(String::trim)
                                .map(Integer::parseInt)
                                .toList(),
                Integer.parseInt(values.getOrDefault("rate-seconds", "15")),
                Boolean.parseBoolean(values.getOrDefault("replay", "true")),
                Boolean.parseBoolean(values.getOrDefault("raw", "true")),
                Path.of(values.getOrDefault("chart", "docs/performance-latency.png")));
        values.keySet().stream()
                .filter(name -> !List.of(
                                "orders",
                                "concurrency",
                                "warmup-orders",
                                "products",
                                "psp-error-rate",
                                "http-orders",
                                "rates",
                                "rate-seconds",
                                "replay",
                                "raw",
                                "chart")
                        .contains(name))
                .findFirst()
                .ifPresent(unknown -> {
                    throw new IllegalArgumentException("unknown option --" + unknown);
                });
        return options;
    }
}
