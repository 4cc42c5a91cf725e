package io.fulfillment.shipping.service;

import io.fulfillment.shipping.ShippingConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The shipping-context context as its own service in the distributed mode: Axon Server and its own MongoDB database
 * ({@code shipping-context-service.yml}, loaded with {@code spring.config.name=shipping-context-service} so that it never collides with
 * another deployable's {@code application.yml} or the context defaults in {@code config/}).
 */
@SpringBootApplication
@Import(ShippingConfiguration.class)
public class ShippingService {

    public static final String CONFIG_NAME = "shipping-context-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ShippingService.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
