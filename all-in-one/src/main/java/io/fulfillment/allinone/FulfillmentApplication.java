package io.fulfillment.allinone;

import io.fulfillment.gateway.GatewayApplication;
import io.fulfillment.inventory.InventoryConfiguration;
import io.fulfillment.order.OrderConfiguration;
import io.fulfillment.orderquery.OrderQueryConfiguration;
import io.fulfillment.payment.PaymentConfiguration;
import io.fulfillment.psp.PspSandboxConfiguration;
import io.fulfillment.shipping.ShippingConfiguration;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
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

    public static void main(String[] args) {
        ConfigurableApplicationContext backends = SpringApplication.run(FulfillmentApplication.class, args);
        startGateway(backends);
    }

    /** The gateway in front of running backends; the development token endpoint is on (the local profile). */
    static ConfigurableApplicationContext startGateway(ConfigurableApplicationContext backends, String... args) {
        String backendUri = "http://127.0.0.1:" + backends.getEnvironment().getRequiredProperty("local.server.port");
        String[] gatewayArgs = Stream.concat(
                        Stream.of("--fulfillment.gateway.default-backend=" + backendUri), Stream.of(args))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .profiles("local")
                .run(gatewayArgs);
    }
}
