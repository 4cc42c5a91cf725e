package io.fulfillment.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payment provider misbehaves in three acts: 30 % errors with latency spikes beyond the time limiter, then a full
 * outage, then recovery. No order is left pending, stock and money add up, and the breaker opens and closes again.
 */
@InProcessSystem
class PaymentFaultsIT {

    private static final int STOCK = 10_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final ScheduledExecutorService breakerWatch = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopWatching() {
        breakerWatch.shutdownNow();
        SystemApi.onPort(port).resetPspFaults();
    }

    @Test
    void settlesEveryOrderThroughErrorsOutageAndRecovery() {
        SystemApi api = SystemApi.onPort(port);
        String product = "psp-faults-" + UUID.randomUUID().toString().substring(0, 8);
        api.registerProduct(product, STOCK);
        Set<String> breakerStates = ConcurrentHashMap.newKeySet();
        breakerWatch.scheduleAtFixedRate(() -> breakerStates.add(api.breakerState()), 0, 100, TimeUnit.MILLISECONDS);
        List<String> orders = new ArrayList<>();

        api.pspFaults(Map.of("errorRate", 0.3, "latencyMillis", 20, "latencyJitterMillis", 2_500, "seed", 6));
        List<String> flaky = place(api, product, ReliabilitySize.pick(12, 60));
        orders.addAll(flaky);
        Invariants.awaitTerminal(api, flaky, Duration.ofMinutes(3));

        api.pspFaults(Map.of("outage", true));
        List<String> duringOutage = place(api, product, ReliabilitySize.pick(12, 40));
        orders.addAll(duringOutage);
        Map<String, JsonNode> outageOutcomes = Invariants.awaitTerminal(api, duringOutage, Duration.ofMinutes(3));
        assertThat(outageOutcomes.values())
                .allSatisfy(order -> assertThat(order.get("status").asText()).isEqualTo("REJECTED"));
        assertThat(breakerStates).as("breaker states seen").contains("OPEN");

        api.resetPspFaults();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.breakerState().equals("OPEN"));
        List<String> afterRecovery = place(api, product, ReliabilitySize.pick(4, 20));
        orders.addAll(afterRecovery);
        Map<String, JsonNode> recovered = Invariants.awaitTerminal(api, afterRecovery, Duration.ofMinutes(2));
        assertThat(recovered.values())
                .allSatisfy(order -> assertThat(order.get("status").asText()).isEqualTo("CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.breakerState().equals("CLOSED"));

        Invariants.assertStockAddsUp(api, Map.of(product, STOCK));
        Invariants.LedgerCount ledger = Invariants.assertLedgerMatchesPayments(api, orders, api::ledger);
        System.out.printf(
                "payment faults: %d orders (%d flaky, %d outage, %d recovery), breaker states %s, ledger %s%n",
                orders.size(), flaky.size(), duringOutage.size(), afterRecovery.size(), breakerStates, ledger);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject("select count(*) from SagaEntry", Integer.class))
                        .as("sagas still active")
                        .isZero());
    }

    private static List<String> place(SystemApi api, String product, int count) {
        List<CompletableFuture<Optional<String>>> placed = IntStream.range(0, count)
                .mapToObj(i -> api.placeOrder("customer-faults", Map.of(product, 1)))
                .toList();
        return placed.stream()
                .map(CompletableFuture::join)
                .map(Optional::orElseThrow)
                .toList();
    }
}
