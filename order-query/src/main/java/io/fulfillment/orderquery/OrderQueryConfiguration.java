package io.fulfillment.orderquery;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** Everything the order query side contributes to an application that hosts it. */
@Configuration(proxyBeanMethods = false)
// the standalone service class (package service) is a @SpringBootApplication: a host must not pick it up
@ComponentScan(
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
@ConfigurationPropertiesScan
public class OrderQueryConfiguration {

    /** This context's OpenAPI document, served at {@code /v3/api-docs/order-query}. */
    @Bean
    GroupedOpenApi orderQueryApi() {
        return GroupedOpenApi.builder()
                .group("order-query")
                .packagesToScan("io.fulfillment.orderquery")
                .build();
    }
}
