package io.fulfillment.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.psp.PspSandboxApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the all-in-one launcher as a child JVM, places orders under load and kills it with SIGKILL at random points
 * (fixed seed) while the sagas of a burst of orders are in flight, restarting it on the same data directory each
 * time, so every start begins with a backlog and the saga's deadlines come due while it works through it. The PSP
 * sandbox runs in this JVM, so its ledger survives the kills and shows what money really moved. After the last
 * restart every order must be terminal; stock and money must add up in total and per order (a confirmed order is
 * charged and has its shipment, an unfulfilled one holds no money and has no live shipment, nothing stays reserved
 * once the confirmed orders shipped); no dead letter may be parked; and once the process is stopped no saga and no
 * deadline may be left.
 */
class CrashRecoveryIT {

    /** The one task in db-scheduler's table that is not a saga deadline (payment's {@code ParkedReversalsSchedule}). */
    private static final String PARKED_REVERSALS_TASK = "payment-parked-reversals";

    private static final long SEED = 20_240_601L;
    private static final String CUSTOMER = "customer-crash";
    private static final int INITIAL_STOCK = 20_000;
    private static final int RESTOCK = 250;

    private final Path dataDir =
            Path.of("target", "it-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
    private ConfigurableApplicationContext psp;
    private Process process;

    @AfterEach
    void stopEverything() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (psp != null) {
            psp.close();
        }
    }

    @Test
    void losesNothingWhenKilledMidSaga() throws Exception {
        Random random = new Random(SEED);
        int kills = ReliabilitySize.pick(2, 10);
        int ordersPerRun = ReliabilitySize.pick(40, 210);
        psp = new SpringApplicationBuilder(PspSandboxApplication.class)
                .properties("spring.config.name=psp-sandbox")
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        // the chassis is on this classpath too: keep its stores out of the module directory
                        "--fulfillment.data-dir=" + dataDir + "-psp",
                        "--logging.level.root=WARN");
        SystemApi pspApi =
                SystemApi.onPort(Integer.parseInt(psp.getEnvironment().getRequiredProperty("local.server.port")));
        List<String> products = List.of("crash-a-" + random.nextInt(1000), "crash-b-" + random.nextInt(1000));
        Map<String, Integer> received = new HashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();

        int port = freePort();
        SystemApi api = SystemApi.onPort(port);
        for (int run = 0; run < kills; run++) {
            process = start(port, pspApi, run);
            if (run == 0) {
                for (String product : products) {
                    api.registerProduct(product, INITIAL_STOCK);
                    received.put(product, INITIAL_STOCK);
                }
                api.restock(products.get(0), RESTOCK);
                received.merge(products.get(0), RESTOCK, Integer::sum);
            }
            // a burst of orders; once they are acknowledged, the kill, while their sagas are in flight: the next
            // start begins with a backlog
            List<CompletableFuture<?>> burst = new ArrayList<>();
            for (int order = 0; order < ordersPerRun; order++) {
                Map<String, Integer> lines = new HashMap<>();
                lines.put(products.get(0), 1 + random.nextInt(2));
                if (random.nextBoolean()) {
                    lines.put(products.get(1), 1);
                }
                burst.add(api.placeOrder(CUSTOMER, lines).thenAccept(orderId -> orderId.ifPresent(accepted::add)));
                Thread.sleep(random.nextInt(ReliabilitySize.pick(60, 12)));
            }
            try {
                CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            } catch (ExecutionException unanswered) {
                // an order the process did not accept is simply not counted
            }
            Thread.sleep(random.nextInt(1_500));
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            System.out.printf("crash: killed run %d with %d orders accepted so far%n", run, accepted.size());
        }

        process = start(port, pspApi, kills);
        Set<String> orders = new LinkedHashSet<>(accepted);
        // the last start works through every earlier run's backlog (at full size ≈ 2,000 orders' sagas)
        Duration recovery = Duration.ofMinutes(ReliabilitySize.pick(3, 12));
        await().atMost(recovery).until(api::processorsCaughtUp);
        api.ordersOf(CUSTOMER).forEach(order -> orders.add(order.get("orderId").asText()));
        List<String> lost =
                accepted.stream().filter(orderId -> api.order(orderId) == null).toList();
        assertThat(lost)
                .as(
                        "orders acknowledged with 202 before a kill but absent after the restart (of %d acknowledged)",
                        accepted.size())
                .isEmpty();
        Map<String, JsonNode> outcomes = Invariants.awaitTerminal(api, orders, recovery);
        Invariants.assertStockAddsUp(api, received);
        Invariants.LedgerCount ledger = Invariants.assertLedgerMatchesPayments(api, orders, pspApi::ledger);
        int dispatched = Invariants.assertEveryOrderSettled(api, outcomes);
        Invariants.assertNothingReserved(api, products);
        Invariants.assertNoDeadLetters(api);
        Map<String, Long> byStatus = new HashMap<>();
        outcomes.values().forEach(order -> byStatus.merge(order.get("status").asText(), 1L, Long::sum));
        System.out.printf(
                "crash: %d kills, %d orders (%d acknowledged before a kill), outcomes %s, ledger %s, %d shipments"
                        + " dispatched, nothing left reserved%n",
                kills, orders.size(), accepted.size(), byStatus, ledger, dispatched);

        await().atMost(recovery).until(api::processorsCaughtUp);
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("graceful stop").isTrue();
        assertThat(count("SagaEntry")).as("sagas left in the saga store").isZero();
        assertThat(count("AssociationValueEntry")).as("saga associations left").isZero();
        // db-scheduler's table also holds payment's recurring round of parked reversals, which never ends
        assertThat(count("scheduled_tasks where task_name <> '" + PARKED_REVERSALS_TASK + "'"))
                .as("saga deadlines left in the deadline store")
                .isZero();
    }

    private Process start(int port, SystemApi pspApi, int run) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = dataDir.resolveSibling(dataDir.getFileName() + "-run-" + run + ".log")
                .toFile();
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-jar",
                        execJar().toString(),
                        "--server.port=" + port,
                        "--fulfillment.data-dir=" + dataDir,
                        "--fulfillment.inventory.demo-catalogue.enabled=false",
                        "--fulfillment.saga.stock-reservation-timeout=10s",
                        "--fulfillment.saga.payment-timeout=20s",
                        "--fulfillment.saga.shipment-timeout=10s",
                        "--fulfillment.payment.psp.base-url=" + pspBaseUrl(),
                        // a deadline that a killed run had picked runs again once 6 heartbeats have passed without
                        // one; 1 s (instead of 5 s) brings that inside the next run, so the last run does not end
                        // while a killed run's deadline still waits to be picked again (left in the store)
                        "--db-scheduler.heartbeat-interval=1s",
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().put("GATEWAY_PORT", String.valueOf(freePort()));
        builder.environment().put("GATEWAY_ADDRESS", "127.0.0.1");
        Process started = builder.start();
        SystemApi api = SystemApi.onPort(port);
        try {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(started.isAlive())
                                .as("launcher running, see %s", log)
                                .isTrue();
                        try {
                            // not /actuator/health: its MongoDB probe fails against the embedded server and reports
                            // DOWN
                            return api.send("GET", "/admin/processors", null).status() == 200;
                        } catch (RuntimeException notYet) {
                            return false;
                        }
                    });
        } catch (RuntimeException | AssertionError notStarted) {
            started.destroyForcibly();
            throw notStarted;
        }
        return started;
    }

    private String pspBaseUrl() {
        return "http://127.0.0.1:" + psp.getEnvironment().getRequiredProperty("local.server.port") + "/psp";
    }

    private static Path execJar() {
        Path reactor = Path.of(System.getProperty("reliability.exec-jar", "../all-in-one/target/all-in-one-exec.jar"));
        if (Files.exists(reactor)) {
            return reactor.toAbsolutePath();
        }
        Path installed = Path.of(System.getProperty("reliability.installed-exec-jar", ""));
        assertThat(installed)
                .as("the all-in-one exec jar (build all-in-one first)")
                .exists();
        return installed;
    }

    /** {@code select count(*) from} a table, with a {@code where} clause if given. */
    private long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:retry:file:" + dataDir + "/axon", "sa", "");
                ResultSet result = connection.createStatement().executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
