package io.fulfillment.benchmarks;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.RegisterProductCommand;
import io.fulfillment.contracts.kernel.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;

/**
 * One benchmark run against the all-in-one system in this JVM: startup, a closed-loop throughput run through the
 * command gateway, an open-loop latency sweep, a closed-loop run over HTTP through the API gateway, the replay of the
 * order projections, and the raw limits of the event storage engine. Prints every figure, per order too (CPU, JDBC
 * commits, events, aggregate loads, the saga's batch size); draws the sweep as a PNG. With {@code --target} it
 * measures a running deployment over HTTP instead ({@link TargetBenchmark}).
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks-exec.jar --orders=3000 --concurrency=64 --rates=10,25,50,100
 * java -jar benchmarks/target/benchmarks-exec.jar --target=http://localhost:8080 --orders=100 --concurrency=8
 * </pre>
 */
public final class Benchmark {

    private static final Money UNIT_PRICE = Money.of("10.00", "EUR");
    private static final int STOCK = 10_000_000;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        System.out.printf("benchmark %s%n", options);
        System.out.printf(
                "machine: %d processors, max heap %d MiB, %s %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"));
        if (options.target() != null) {
            int exit = 0;
            try {
                TargetBenchmark.run(options);
            } catch (Exception e) {
                e.printStackTrace();
                exit = 1;
            }
            System.exit(exit);
        }
        int exit = 0;
        Path dataDir = null;
        try (SystemUnderTest system = SystemUnderTest.start(options.probes())) {
            dataDir = system.dataDir;
            run(options, system);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        if (dataDir != null) {
            deleteRecursively(dataDir);
        }
        System.exit(exit);
    }

    private static void run(BenchmarkOptions options, SystemUnderTest system) throws Exception {
        System.out.printf(
                "startup: backends ready %d ms after JVM start, gateway ready %d ms after JVM start%n",
                system.backendsReadyMillis, system.gatewayReadyMillis);
        OrderTracker tracker = new OrderTracker();
        system.eventStore().subscribe(tracker);
        Http http = new Http();
        if (options.pspErrorRate() > 0) {
            http.call(
                    "PUT",
                    system.backendUrl() + "/psp/admin/faults",
                    Map.of("errorRate", options.pspErrorRate()),
                    null);
        }
        List<ProductId> catalogue = seed(system, http, options.products());
        GatewayClient gateway = GatewayClient.login(
                http, GatewayClient.apiUrl(system.gatewayUrl()), GatewayClient.Credentials.CUSTOMER);
        Supplier<Counts> counters = () -> {
            Counts local = Counts.local(ProcessMetrics.cpuNanos(), tracker.events(), gateway);
            return system.probes == null ? local : system.probes.counts(local);
        };
        OrderLoad load = new OrderLoad(tracker, catalogue, counters);
        ExecutorService dispatchers = Executors.newFixedThreadPool(Math.min(options.concurrency(), 32));
        OrderLoad.Placement inProcess = OrderLoad.viaCommandGateway(system.commandGateway(), UNIT_PRICE, dispatchers);
        OrderLoad.Measured measured = load.measure("command gateway", inProcess, options, "all-in-one, 2-line orders");
        OrderLoad.Run throughput = measured.throughput();
        List<OrderLoad.Run> runs = new ArrayList<>(measured.runs());

        if (options.httpOrders() > 0) {
            OrderLoad.Placement viaGateway = OrderLoad.viaGateway(gateway, OrderLoad.CUSTOMER);
            if (options.httpWarmupOrders() > 0) {
                Report.run(load.closedLoop(
                        "warm-up over HTTP (not counted)",
                        viaGateway,
                        options.httpWarmupOrders(),
                        options.concurrency()));
            }
            runs.add(Report.run(load.closedLoop(
                    "closed loop, HTTP via API gateway, " + options.concurrency() + " in flight",
                    viaGateway,
                    options.httpOrders(),
                    options.concurrency())));
        }
        dispatchers.shutdown();
        System.out.printf("peak RSS under load (VmHWM): %d MiB%n", ProcessMetrics.peakRssMib());

        ReplayBenchmark replay = new ReplayBenchmark(
                http, system.backendUrl(), system.backends.getBean(EventProcessingConfiguration.class));
        replay.awaitQuiet();
        List<RawStorageBenchmark.Result> raw = new ArrayList<>();
        RawStorageBenchmark storage = new RawStorageBenchmark(system.storageEngine(), system.transactionManager());
        List<EventMessage<?>> events = storage.readAll(raw);
        System.out.printf("events in store: %d%n", events.size());
        List<ReplayBenchmark.Result> replays = new ArrayList<>();
        if (options.replay()) {
            for (int round = 1; round <= options.replayRounds(); round++) {
                replays.clear();
                for (String processor : ReplayBenchmark.ORDER_PROJECTIONS) {
                    ReplayBenchmark.Result result = replay.replay(processor, events.size());
                    replays.add(result);
                    System.out.printf(
                            "replay %-15s round %d: %d events in %.2f s = %.0f events/s%n",
                            result.processor(), round, result.events(), result.seconds(), result.eventsPerSecond());
                    replay.awaitQuiet();
                }
            }
        }
        if (options.raw()) {
            // no handlers: stop every processor so the copies are neither handled nor competing for the CPU
            system.backends
                    .getBean(EventProcessingConfiguration.class)
                    .eventProcessors()
                    .values()
                    .forEach(EventProcessor::shutDown);
            raw.add(storage.appendOnePerTransaction(events, Math.min(options.concurrency(), 8)));
            raw.add(storage.appendBatched(events, 100));
            storage.readAll(raw);
        }
        raw.forEach(result -> System.out.printf(
                "%-55s %d events in %.2f s = %.0f events/s%n",
                result.name(), result.events(), result.seconds(), result.eventsPerSecond()));

        Report.table(runs);
        if (options.raw()) {
            double rawAppendPerTx = raw.get(1).eventsPerSecond();
            double rawAppendBatched = raw.get(2).eventsPerSecond();
            double rawRead = raw.get(0).eventsPerSecond();
            System.out.printf(
                    "ratio fulfillment events/s ÷ raw append (1 event/tx): %.2f%n",
                    throughput.eventsPerSecond() / rawAppendPerTx);
            System.out.printf(
                    "ratio fulfillment events/s ÷ raw append (100 events/tx): %.2f%n",
                    throughput.eventsPerSecond() / rawAppendBatched);
            replays.forEach(result -> System.out.printf(
                    "ratio replay %s events/s (last round) ÷ raw read: %.2f%n",
                    result.processor(), result.eventsPerSecond() / rawRead));
        }
        System.out.printf(
                "peak RSS of the whole run (VmHWM): %d MiB, RSS now %d MiB%n",
                ProcessMetrics.peakRssMib(), ProcessMetrics.rssMib());
    }

    private static List<ProductId> seed(SystemUnderTest system, Http http, List<String> products) {
        List<ProductId> catalogue = products.stream().map(ProductId::of).toList();
        catalogue.forEach(product -> system.commandGateway()
                .sendAndWait(new RegisterProductCommand(product, "benchmark product " + product, UNIT_PRICE, STOCK)));
        // the HTTP path prices orders from the catalogue read model: wait until it knows every product
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (ProductId product : catalogue) {
            while (http.call("GET", system.backendUrl() + "/products/" + product, null, null)
                            .status()
                    != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("catalogue did not see " + product);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        return catalogue;
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
