package io.fulfillment.allinone;

import io.fulfillment.inventory.InventoryConfiguration;
import io.fulfillment.order.OrderConfiguration;
import io.fulfillment.orderquery.OrderQueryConfiguration;
import io.fulfillment.payment.PaymentConfiguration;
import io.fulfillment.psp.PspSandboxConfiguration;
import io.fulfillment.shipping.ShippingConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Every bounded context in one process on the embedded stores: each context contributes its own configuration, the
 * same one it brings when it runs as a service of its own. The PSP sandbox is hosted alongside, and payment-context
 * still reaches it over HTTP.
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
        SpringApplication.run(FulfillmentApplication.class, args);
    }
}
