package io.fulfillment.orderquery.service;

import io.fulfillment.chassis.distributed.ServiceApplication;
import io.fulfillment.orderquery.OrderQueryConfiguration;
import org.springframework.boot.SpringApplication;

/** The order query context as its own service of the distributed mode, configured by {@code order-query-service.yml}. */
public final class OrderQueryService {

    public static final String CONFIG_NAME = "order-query-service";

    private OrderQueryService() {}

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application {@link #main} runs. */
    public static SpringApplication application() {
        return ServiceApplication.of(OrderQueryConfiguration.class, CONFIG_NAME);
    }
}
