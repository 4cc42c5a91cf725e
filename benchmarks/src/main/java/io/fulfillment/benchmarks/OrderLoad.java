package io.fulfillment.benchmarks;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.PlaceOrderCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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

    record Run(
            String name,
            int orders,
            int terminal,
            int confirmed,
            int failedToPlace,
            double seconds,
            double ordersPerSecond,
            double eventsPerSecond,
            long events,
            double cpuCores,
            Latencies confirmedLatency) {}

    private final OrderTracker tracker;
    private final List<ProductId> catalogue;
    private final SplittableRandom random = new SplittableRandom(42);

    OrderLoad(OrderTracker tracker, List<ProductId> catalogue) {
        this.tracker = tracker;
        this.catalogue = catalogue;
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

    static Placement viaGateway(Http http, String gatewayUrl, String token) {
        return products -> {
            Map<String, Object> body = Map.of(
                    "customerId", CUSTOMER,
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
            return http.send("POST", gatewayUrl + "/api/v1/orders", body, token).thenApply(response -> {
                if (response.status() != 202) {
                    throw new IllegalStateException("order refused: " + response.status() + " " + response.body());
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

    Run closedLoop(String name, Placement placement, int orders, int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch finished = new CountDownLatch(orders);
        AtomicInteger failed = new AtomicInteger();
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        long events = tracker.events();
        long cpu = ProcessMetrics.cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            inFlight.acquire();
            long placedAt = System.nanoTime();
            placement.place(twoProducts()).whenComplete((orderId, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                    inFlight.release();
                    finished.countDown();
                } else {
                    accepted.add(orderId);
                    tracker.follow(orderId, placedAt, () -> {
                        inFlight.release();
                        finished.countDown();
                    });
                }
            });
        }
        awaitAll(name, finished);
        return summarize(name, orders, accepted, failed.get(), start, events, cpu);
    }

    Run openLoop(String name, Placement placement, int ratePerSecond, int seconds) throws InterruptedException {
        int orders = ratePerSecond * seconds;
        CountDownLatch finished = new CountDownLatch(orders);
        AtomicInteger failed = new AtomicInteger();
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long events = tracker.events();
        long cpu = ProcessMetrics.cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            placement.place(twoProducts()).whenComplete((orderId, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                    finished.countDown();
                } else {
                    accepted.add(orderId);
                    tracker.follow(orderId, scheduled, finished::countDown);
                }
            });
        }
        awaitAll(name, finished);
        return summarize(name, orders, accepted, failed.get(), start, events, cpu);
    }

    private static void awaitAll(String name, CountDownLatch finished) throws InterruptedException {
        if (!finished.await(10, TimeUnit.MINUTES)) {
            System.out.printf("  %s: %d orders still not terminal after 10 minutes%n", name, finished.getCount());
        }
    }

    private Run summarize(
            String name, int orders, List<String> accepted, int failed, long start, long eventsBefore, long cpuBefore) {
        List<Long> confirmedLatency = new ArrayList<>();
        long lastTerminal = start;
        int terminal = 0;
        for (String orderId : List.copyOf(accepted)) {
            OrderTracker.Outcome outcome = tracker.outcome(orderId);
            if (outcome == null) {
                continue;
            }
            terminal++;
            lastTerminal = Math.max(lastTerminal, outcome.terminalNanos());
            if (outcome.confirmed()) {
                confirmedLatency.add(outcome.terminalNanos() - tracker.placedAt(orderId));
            }
        }
        double seconds = (lastTerminal - start) / 1e9;
        long events = tracker.events() - eventsBefore;
        double cpuSeconds = (ProcessMetrics.cpuNanos() - cpuBefore) / 1e9;
        return new Run(
                name,
                orders,
                terminal,
                confirmedLatency.size(),
                failed,
                seconds,
                terminal / seconds,
                events / seconds,
                events,
                cpuSeconds / ((System.nanoTime() - start) / 1e9),
                Latencies.of(confirmedLatency));
    }
}
