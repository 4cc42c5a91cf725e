package io.fulfillment.shipping.service;

import io.fulfillment.chassis.distributed.ServiceApplication;
import io.fulfillment.shipping.ShippingConfiguration;
import org.springframework.boot.SpringApplication;

/** The shipping context as its own service of the distributed mode, configured by {@code shipping-context-service.yml}. */
public final class ShippingService {

    public static final String CONFIG_NAME = "shipping-context-service";

    private ShippingService() {}

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application {@link #main} runs. */
    public static SpringApplication application() {
        return ServiceApplication.of(ShippingConfiguration.class, CONFIG_NAME);
    }
}
