package io.fulfillment.shipping;

import io.fulfillment.chassis.defaults.ContextDefaults;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the shipping context contributes to an application that hosts it: importing this one class brings the
 * shipment aggregate, its read model, queries and REST API.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ContextDefaults("config/shipping-context.yml")
public class ShippingConfiguration {

    /** This context's OpenAPI document, served at {@code /v3/api-docs/shipping}. */
    @Bean
    GroupedOpenApi shippingApi() {
        return GroupedOpenApi.builder()
                .group("shipping")
                .packagesToScan("io.fulfillment.shipping")
                .build();
    }
}
