package io.fulfillment.benchmarks;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.PlaceOrderCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Places two-line orders, either closed-loop (a fixed number in flight, the next one placed when one ends: the
 * throughput figure) or open-loop (at a fixed offered rate, each order timed from its scheduled send so a slow system
 * cannot hide its queueing: the latency figure).
 */
final class OrderLoad {

    static final String CUSTOMER = "customer-ada";
    static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 St James Square", "SW1Y 4JH", "London", "GB");

    /** Places one order and completes with its id once the system accepted it. */
    interface Placement {
        CompletableFuture<String> place(List<ProductId> products);
    }

    /** When an order ended, and how: a terminal status name ({@code CONFIRMED}, {@code REJECTED}, {@code CANCELLED}). */
    record Outcome(long terminalNanos, String status) {

        boolean confirmed() {
            return OrderStatus.CONFIRMED.name().equals(status);
        }
    }

    /**
     * Sees orders reach a terminal status: inside the process ({@link OrderTracker}) or over HTTP
     * ({@link RemoteTerminals}). Both record when each order was placed and its first terminal outcome here.
     */
    abstract static class Terminals {

        final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        final Map<String, Long> placedNanos = new ConcurrentHashMap<>();

        /** Follows an accepted order; the callback runs once, when (or if already) the order is terminal. */
        abstract void follow(String orderId, long placedAt, Runnable callback);

        /** The order's terminal outcome, or null while it is not known to be terminal. */
        final Outcome outcome(String orderId) {
            return outcomes.get(orderId);
        }

        final long placedAt(String orderId) {
            return placedNanos.get(orderId);
        }
    }

    record Run(
            String name,
            int orders,
            int terminal,
            int confirmed,
            Map<String, Integer> statuses,
            int failedToPlace,
            double seconds,
            double ordersPerSecond,
            double wallSeconds,
            Counts counts,
            Latencies confirmedLatency,
            Latencies terminalLatency) {

        /** Events appended during the run (events of earlier orders still being handled included), or -1. */
        long events() {
            return counts.events();
        }

        double eventsPerSecond() {
            return rate(counts.events(), seconds);
        }

        /** Process CPU over wall time from the first order to the end of the run, in cores. */
        double cpuCores() {
            return rate(counts.cpuNanos(), wallSeconds) / 1e9;
        }

        double cpuMillisPerOrder() {
            return perOrder(counts.cpuNanos()) / 1e6;
        }

        double commitsPerOrder() {
            return perOrder(counts.commits());
        }

        double writingCommitsPerOrder() {
            return perOrder(counts.writingCommits());
        }

        double eventsPerOrder() {
            return perOrder(counts.events());
        }

        double aggregateLoadsPerOrder() {
            return perOrder(counts.aggregateLoads());
        }

        double readModelRequestsPerOrder() {
            return perOrder(counts.readModelRequests());
        }

        /** Events the saga's processor handled per unit of work (its mean batch size). */
        double sagaBatchSize() {
            return Counts.ratio(counts.sagaEvents(), counts.sagaBatches());
        }

        /** A counter of the run divided by its terminal orders; NaN if the counter is unavailable. */
        double perOrder(long counter) {
            return Counts.ratio(counter, terminal);
        }

        private static double rate(long counter, double seconds) {
            return counter == Counts.UNAVAILABLE || seconds <= 0 ? Double.NaN : counter / seconds;
        }
    }

    private final Terminals terminals;
    private final List<ProductId> catalogue;
    private final Supplier<Counts> counters;
    private final SplittableRandom random = new SplittableRandom(42);

    OrderLoad(Terminals terminals, List<ProductId> catalogue, Supplier<Counts> counters) {
        if (catalogue.size() < 2) {
            throw new IllegalArgumentException("every order takes two distinct products: the catalogue needs two");
        }
        this.terminals = terminals;
        this.catalogue = catalogue;
        this.counters = counters;
    }

    static Placement viaCommandGateway(CommandGateway commands, Money unitPrice, ExecutorService dispatchers) {
        return products -> {
            OrderId orderId = OrderId.newId();
            List<OrderLine> lines = products.stream()
                    .map(product -> new OrderLine(product, 1, unitPrice))
                    .toList();
            // the simple command bus handles a command on the sending thread: dispatch from a pool, not the loader
            return CompletableFuture.supplyAsync(
                            () -> commands.send(
                                    new PlaceOrderCommand(orderId, CustomerId.of(CUSTOMER), lines, ADDRESS)),
                            dispatchers)
                    .thenCompose(sent -> sent)
                    .thenApply(result -> orderId.toString());
        };
    }

    /**
     * {@code POST /orders} through the API gateway, with an idempotency key per order, so an order sent again after a
     * 429 or a lost answer is still one order.
     */
    static Placement viaGateway(GatewayClient gateway, String customerId) {
        return products -> {
            Map<String, Object> body = Map.of(
                    "customerId", customerId,
                    "lines",
                            products.stream()
                                    .map(product -> Map.of("productId", product.toString(), "quantity", 1))
                                    .toList(),
                    "shippingAddress",
                            Map.of(
                                    "recipient", ADDRESS.recipient(),
                                    "street", ADDRESS.street(),
                                    "postalCode", ADDRESS.postalCode(),
                                    "city", ADDRESS.city(),
                                    "country", ADDRESS.country()));
            return gateway.send("POST", "/orders", body, Map.of("Idempotency-Key", "bench-" + UUID.randomUUID()))
                    .thenApply(response -> {
                        if (response.status() != 202) {
                            throw new IllegalStateException(
                                    "order refused: " + response.status() + " " + response.body());
                        }
                        return response.body().get("orderId").asText();
                    });
        };
    }

    private List<ProductId> twoProducts() {
        int first = random.nextInt(catalogue.size());
        int second = (first + 1 + random.nextInt(catalogue.size() - 1)) % catalogue.size();
        return List.of(catalogue.get(first), catalogue.get(second));
    }

    /** What {@link #measure} ran: every counted run, in order, and the closed loop among them. */
    record Measured(List<Run> runs, Run throughput) {}

    /**
     * The measurement both entry points make: a warm-up that is not counted, the closed loop, then the open loop at
     * each offered rate, every run printed as it ends and the open-loop latencies drawn as a chart.
     *
     * @param via how orders are placed, as the run names say it ("command gateway", "HTTP to …")
     * @param chartSubject what the chart's title says was measured
     */
    Measured measure(String via, Placement placement, BenchmarkOptions options, String chartSubject)
            throws InterruptedException, IOException {
        if (options.warmupOrders() > 0) {
            Report.run(closedLoop("warm-up (not counted)", placement, options.warmupOrders(), options.concurrency()));
        }
        List<Run> runs = new ArrayList<>();
        Run throughput = closedLoop(
                "closed loop, " + via + ", " + options.concurrency() + " in flight",
                placement,
                options.orders(),
                options.concurrency());
        runs.add(Report.run(throughput));
        List<LatencyChart.Point> sweep = new ArrayList<>();
        for (int rate : options.rates()) {
            Run run =
                    openLoop("open loop, " + via + ", offered " + rate + "/s", placement, rate, options.rateSeconds());
            runs.add(Report.run(run));
            sweep.add(new LatencyChart.Point(rate, run.ordersPerSecond(), run.confirmedLatency()));
        }
        if (!sweep.isEmpty()) {
            LatencyChart.write(
                    options.chart(),
                    String.format(
                            "%s, open loop, %d s per point (max closed-loop %.0f orders/s)",
                            chartSubject, options.rateSeconds(), throughput.ordersPerSecond()),
                    sweep);
            System.out.printf("latency chart written to %s%n", options.chart().toAbsolutePath());
        }
        return new Measured(runs, throughput);
    }

    Run closedLoop(String name, Placement placement, int orders, int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch finished = new CountDownLatch(orders);
        AtomicInteger failed = new AtomicInteger();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        Counts before = counters.get();
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            inFlight.acquire();
            long placedAt = System.nanoTime();
            placement.place(twoProducts()).whenComplete((orderId, error) -> {
                if (error != null) {
                    notPlaced(name, failed, error);
                    inFlight.release();
                    finished.countDown();
                } else {
                    accepted.add(orderId);
                    terminals.follow(orderId, placedAt, () -> {
                        inFlight.release();
                        finished.countDown();
                    });
                }
            });
        }
        awaitAll(name, finished);
        return summarize(name, orders, accepted, failed.get(), start, before);
    }

    Run openLoop(String name, Placement placement, int ratePerSecond, int seconds) throws InterruptedException {
        int orders = ratePerSecond * seconds;
        CountDownLatch finished = new CountDownLatch(orders);
        AtomicInteger failed = new AtomicInteger();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        Counts before = counters.get();
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            placement.place(twoProducts()).whenComplete((orderId, error) -> {
                if (error != null) {
                    notPlaced(name, failed, error);
                    finished.countDown();
                } else {
                    accepted.add(orderId);
                    terminals.follow(orderId, scheduled, finished::countDown);
                }
            });
        }
        awaitAll(name, finished);
        return summarize(name, orders, accepted, failed.get(), start, before);
    }

    /** Counts an order the system did not accept, and says why for the first of a run. */
    private static void notPlaced(String run, AtomicInteger failed, Throwable error) {
        if (failed.incrementAndGet() == 1) {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            System.out.printf("  %s: first order not placed: %s%n", run, cause);
        }
    }

    private static void awaitAll(String name, CountDownLatch finished) throws InterruptedException {
        if (!finished.await(10, TimeUnit.MINUTES)) {
            System.out.printf("  %s: %d orders still not terminal after 10 minutes%n", name, finished.getCount());
        }
    }

    private Run summarize(String name, int orders, List<String> accepted, int failed, long start, Counts before) {
        List<Long> confirmedLatency = new ArrayList<>();
        List<Long> terminalLatency = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        long lastTerminal = start;
        int terminal = 0;
        for (String orderId : List.copyOf(accepted)) {
            Outcome outcome = terminals.outcome(orderId);
            if (outcome == null) {
                continue;
            }
            terminal++;
            statuses.merge(outcome.status(), 1, Integer::sum);
            lastTerminal = Math.max(lastTerminal, outcome.terminalNanos());
            long latency = outcome.terminalNanos() - terminals.placedAt(orderId);
            terminalLatency.add(latency);
            if (outcome.confirmed()) {
                confirmedLatency.add(latency);
            }
        }
        Counts counts = counters.get().minus(before);
        double seconds = (lastTerminal - start) / 1e9;
        return new Run(
                name,
                orders,
                terminal,
                confirmedLatency.size(),
                statuses,
                failed,
                seconds,
                terminal / seconds,
                (System.nanoTime() - start) / 1e9,
                counts,
                Latencies.of(confirmedLatency),
                Latencies.of(terminalLatency));
    }
}
