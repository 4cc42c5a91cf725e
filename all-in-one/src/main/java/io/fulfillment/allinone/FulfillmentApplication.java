package io.fulfillment.allinone;

import io.fulfillment.gateway.GatewayApplication;
import io.fulfillment.inventory.InventoryConfiguration;
import io.fulfillment.order.OrderConfiguration;
import io.fulfillment.orderquery.OrderQueryConfiguration;
import io.fulfillment.payment.PaymentConfiguration;
import io.fulfillment.psp.PspSandboxConfiguration;
import io.fulfillment.shipping.ShippingConfiguration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.axonframework.updates.configuration.CommandLineUsagePropertyProvider;
import org.axonframework.updates.configuration.EnvironmentVariableUsagePropertyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.cloud.bootstrap.LoggingSystemShutdownListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Every bounded context in one process on the embedded stores: each context contributes its own configuration, the
 * same one it brings when it runs as a service of its own. The PSP sandbox is hosted alongside, and payment-context
 * still reaches it over HTTP.
 *
 * <p>{@link #main} starts two application contexts in this JVM (ADR 0004): the backends on a loopback port, and the
 * API gateway in front of them on the public port, talking to the backends over real HTTP.
 */
@SpringBootApplication
@Import({
    OrderConfiguration.class,
    OrderQueryConfiguration.class,
    InventoryConfiguration.class,
    PaymentConfiguration.class,
    ShippingConfiguration.class,
    PspSandboxConfiguration.class
})
public class FulfillmentApplication {

    static final String UPDATE_CHECKER_DISABLED = CommandLineUsagePropertyProvider.DISABLED_KEY;
    static final String UPDATE_CHECKER_DISABLED_VARIABLE = EnvironmentVariableUsagePropertyProvider.DISABLED_KEY;

    private static final Logger log = LoggerFactory.getLogger(FulfillmentApplication.class);

    /**
     * Starts the backends and the gateway side by side: the gateway needs only the backends' address, which is known
     * as soon as their configuration is read (a fixed port), not their start — so the two start concurrently and
     * the process is ready when the slower one is. With port 0 the gateway waits for the port the backends got.
     */
    public static void main(String[] args) {
        turnOffUpdateCheckerUnlessAsked(System.getenv());
        CompletableFuture<ConfigurableApplicationContext> gateway = new CompletableFuture<>();
        SpringApplication backendsApplication = backends();
        backendsApplication.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) prepared -> {
            int port = prepared.getEnvironment().getRequiredProperty("server.port", Integer.class);
            if (port != 0) {
                new Thread(() -> start(gateway, backendUri(port)), "gateway-start").start();
            }
        });
        ConfigurableApplicationContext backends;
        try {
            backends = backendsApplication.run(args);
        } catch (RuntimeException backendsFailed) {
            // already reported by Spring Boot; a gateway without backends must not keep the process alive
            System.exit(1);
            return;
        }
        if (backends.getEnvironment().getRequiredProperty("server.port", Integer.class) == 0) {
            start(gateway, backendUri(backends));
        }
        ConfigurableApplicationContext started;
        try {
            started = gateway.join();
        } catch (CompletionException gatewayFailed) {
            System.exit(SpringApplication.exit(backends, () -> 1));
            return;
        }
        // both contexts have started, so the whole path answers: the gateway's readiness probe of the backends passes
        log.info(
                "Fulfillment is ready: the API answers on http://localhost:{}/api/v1 (Swagger UI: /swagger-ui.html)",
                started.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /**
     * AxonIQ's update checker calls home at every start, and logs a stack trace when there is no internet. In this local
     * mode it is off unless asked for: {@code -Daxoniq.update-checker.disabled=false} (in {@code JAVA_OPTS}) or the
     * environment variable {@code AXONIQ_UPDATE_CHECKER_DISABLED=false} turns it on. Public for the benchmark, which
     * starts this system in its own JVM.
     */
    public static void turnOffUpdateCheckerUnlessAsked(Map<String, String> environment) {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null
                && !environment.containsKey(UPDATE_CHECKER_DISABLED_VARIABLE)) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
    }

    /** The application of the backends: every context on the embedded stores, configured by application.yml. */
    static SpringApplication backends() {
        return new SpringApplication(FulfillmentApplication.class);
    }

    /**
     * The application of the gateway of this process: gateway.yml with the local profile, so the development token
     * endpoint is on; it logs through the backends' logging system.
     */
    static SpringApplication gateway() {
        SpringApplication gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .profiles("local")
                .build();
        // one JVM, one logging system: the backends configured it; a second initialisation (or Spring Cloud's reset
        // of it) would silence or reset it while the backends are still starting
        gateway.setListeners(gateway.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener
                        || listener instanceof LoggingSystemShutdownListener))
                .toList());
        return gateway;
    }

    /** The gateway in front of running backends; the development token endpoint is on (the local profile). */
    static ConfigurableApplicationContext startGateway(ConfigurableApplicationContext backends, String... args) {
        return startGateway(backendUri(backends), args);
    }

    private static ConfigurableApplicationContext startGateway(String backendUri, String... args) {
        String[] gatewayArgs = Stream.concat(
                        Stream.of("--fulfillment.gateway.default-backend=" + backendUri), Stream.of(args))
                .toArray(String[]::new);
        return gateway().run(gatewayArgs);
    }

    private static void start(CompletableFuture<ConfigurableApplicationContext> gateway, String backendUri) {
        try {
            gateway.complete(startGateway(backendUri));
        } catch (RuntimeException e) {
            gateway.completeExceptionally(e);
        }
    }

    private static String backendUri(ConfigurableApplicationContext backends) {
        return backendUri(backends.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static String backendUri(int port) {
        return "http://127.0.0.1:" + port;
    }
}
