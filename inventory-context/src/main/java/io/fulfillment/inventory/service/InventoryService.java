package io.fulfillment.inventory.service;

import io.fulfillment.inventory.InventoryConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The inventory-context context as its own service in the distributed mode: Axon Server and its own MongoDB database
 * ({@code inventory-context-service.yml}, loaded with {@code spring.config.name=inventory-context-service} so that it never collides with
 * another deployable's {@code application.yml} or the context defaults in {@code config/}).
 */
@SpringBootApplication
@Import(InventoryConfiguration.class)
public class InventoryService {

    public static final String CONFIG_NAME = "inventory-context-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(InventoryService.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
