package io.fulfillment.order.service;

import io.fulfillment.order.OrderConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The order-command context as its own service in the distributed mode: Axon Server and its own MongoDB database
 * ({@code order-command-service.yml}, loaded with {@code spring.config.name=order-command-service} so that it never collides with
 * another deployable's {@code application.yml} or the context defaults in {@code config/}).
 */
@SpringBootApplication
@Import(OrderConfiguration.class)
public class OrderCommandService {

    public static final String CONFIG_NAME = "order-command-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(OrderCommandService.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
