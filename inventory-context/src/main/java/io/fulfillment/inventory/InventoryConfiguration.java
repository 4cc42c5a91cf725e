package io.fulfillment.inventory;

import io.fulfillment.chassis.defaults.ContextDefaults;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The whole inventory context in one import: stock aggregate, catalogue read model and REST API, demo catalogue and the
 * shipment policy. Defaults live in {@code config/inventory-context.yml}, which deployables add with
 * {@code spring.config.import}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ContextDefaults("config/inventory-context.yml")
public class InventoryConfiguration {

    /** This context's OpenAPI document, served at {@code /v3/api-docs/inventory}. */
    @Bean
    GroupedOpenApi inventoryApi() {
        return GroupedOpenApi.builder()
                .group("inventory")
                .packagesToScan("io.fulfillment.inventory")
                .build();
    }
}
