package io.fulfillment.inventory;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The whole inventory context in one import: stock aggregate, catalogue read model and REST API, demo catalogue and the
 * shipment policy. Defaults live in {@code config/inventory-context.yml}, which deployables add with
 * {@code spring.config.import}.
 */
@Configuration(proxyBeanMethods = false)
// the standalone service class (package service) is a @SpringBootApplication: a host must not pick it up
@ComponentScan(
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
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
