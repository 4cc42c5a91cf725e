package io.fulfillment.order.service;

import io.fulfillment.chassis.distributed.ServiceApplication;
import io.fulfillment.order.OrderConfiguration;
import org.springframework.boot.SpringApplication;

/** The order command context as its own service of the distributed mode, configured by {@code order-command-service.yml}. */
public final class OrderCommandService {

    public static final String CONFIG_NAME = "order-command-service";

    private OrderCommandService() {}

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application {@link #main} runs. */
    public static SpringApplication application() {
        return ServiceApplication.of(OrderConfiguration.class, CONFIG_NAME);
    }
}
