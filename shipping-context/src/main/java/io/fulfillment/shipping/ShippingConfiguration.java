package io.fulfillment.shipping;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything the shipping context contributes to an application that hosts it: importing this one class brings the
 * shipment aggregate, its read model, queries and REST API.
 */
@Configuration(proxyBeanMethods = false)
// the standalone service class (package service) is a @SpringBootApplication: a host must not pick it up
@ComponentScan(
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
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
