package io.fulfillment.benchmarks;

import io.fulfillment.allinone.FulfillmentApplication;
import io.fulfillment.gateway.GatewayApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The all-in-one backends and the API gateway started in this JVM on a fresh data directory, the way the launcher's
 * {@code main} starts them, on free ports and with the gateway's per-customer rate limit off (it would otherwise turn
 * a load test into a 429 test). With probes, the backends' data sources, storage engine and saga processor are counted
 * ({@link Probes}).
 */
final class SystemUnderTest implements AutoCloseable {

    final Path dataDir;
    final ConfigurableApplicationContext backends;
    final ConfigurableApplicationContext gateway;
    final long backendsReadyMillis;
    final long gatewayReadyMillis;
    /** Null when the run goes without probes. */
    final Probes probes;

    private SystemUnderTest(
            Path dataDir,
            ConfigurableApplicationContext backends,
            long backendsReadyMillis,
            ConfigurableApplicationContext gateway,
            long gatewayReadyMillis,
            Probes probes) {
        this.probes = probes;
        this.dataDir = dataDir;
        this.backends = backends;
        this.backendsReadyMillis = backendsReadyMillis;
        this.gateway = gateway;
        this.gatewayReadyMillis = gatewayReadyMillis;
    }

    static SystemUnderTest start(boolean withProbes) throws IOException {
        FulfillmentApplication.turnOffUpdateCheckerUnlessAsked(System.getenv());
        Path dataDir = Files.createTempDirectory("fulfillment-bench-").toAbsolutePath();
        Probes probes = withProbes ? new Probes() : null;
        SpringApplicationBuilder backendsApplication = new SpringApplicationBuilder(FulfillmentApplication.class);
        if (probes != null) {
            backendsApplication.initializers(probes);
        }
        ConfigurableApplicationContext backends = backendsApplication.run(
                "--server.port=0",
                "--fulfillment.data-dir=" + dataDir,
                "--fulfillment.inventory.demo-catalogue.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.io.fulfillment.payment=ERROR");
        long backendsReady = ProcessMetrics.uptimeMillis();
        if (probes != null) {
            probes.attach(backends);
        }
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .profiles("local")
                .run(
                        "--fulfillment.gateway.default-backend=http://127.0.0.1:" + port(backends),
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--fulfillment.gateway.rate-limit.enabled=false",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        return new SystemUnderTest(dataDir, backends, backendsReady, gateway, ProcessMetrics.uptimeMillis(), probes);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    String backendUrl() {
        return "http://127.0.0.1:" + port(backends);
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + port(gateway);
    }

    CommandGateway commandGateway() {
        return backends.getBean(CommandGateway.class);
    }

    EventStore eventStore() {
        return backends.getBean(EventStore.class);
    }

    EventStorageEngine storageEngine() {
        return backends.getBean(EventStorageEngine.class);
    }

    TransactionManager transactionManager() {
        return backends.getBean(TransactionManager.class);
    }

    @Override
    public void close() {
        gateway.close();
        backends.close();
    }
}
