package io.fulfillment.orderquery.service;

import io.fulfillment.orderquery.OrderQueryConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The order-query context as its own service in the distributed mode: Axon Server and its own MongoDB database
 * ({@code order-query-service.yml}, loaded with {@code spring.config.name=order-query-service} so that it never collides with
 * another deployable's {@code application.yml} or the context defaults in {@code config/}).
 */
@SpringBootApplication
@Import(OrderQueryConfiguration.class)
public class OrderQueryService {

    public static final String CONFIG_NAME = "order-query-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(OrderQueryService.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
