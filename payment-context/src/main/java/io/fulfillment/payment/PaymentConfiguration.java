package io.fulfillment.payment;

import io.fulfillment.chassis.defaults.ContextDefaults;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the payment context contributes to an application that hosts it: importing this one class brings the
 * payment aggregate, the resilient client of the payment service provider and the handler that calls it, the payment
 * read model, its queries and REST API. Its defaults live in {@code config/payment-context.yml}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ContextDefaults("config/payment-context.yml")
public class PaymentConfiguration {

    /** This context's OpenAPI document, served at {@code /v3/api-docs/payment}. */
    @Bean
    GroupedOpenApi paymentApi() {
        return GroupedOpenApi.builder()
                .group("payment")
                .packagesToScan("io.fulfillment.payment")
                .build();
    }
}
