package io.fulfillment.orderquery;

import io.fulfillment.chassis.defaults.ContextDefaults;
import org.axonframework.config.ConfigurerModule;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything the order query side contributes to an application that hosts it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ContextDefaults("config/order-query.yml")
@ConfigurationPropertiesScan
public class OrderQueryConfiguration {

    /** The processing group of {@code timeline.OrderTimelineProjection}. */
    static final String ORDER_TIMELINE = "order-timeline";

    /**
     * The order timeline is read, changed and written back per order, and an order's events come from the order, its
     * products, its payment and its shipment: one segment must handle all of them, so the group is sequenced by order
     * id instead of by aggregate.
     *
     * <p>Changing a processing group's sequencing policy moves events between segments: a deployment that changes it
     * while some segments lag behind others should replay the group ({@code POST /admin/processors/order-timeline/replay}).
     */
    @Bean
    ConfigurerModule orderTimelineSequencedByOrder() {
        return configurer -> configurer
                .eventProcessing()
                .registerSequencingPolicy(ORDER_TIMELINE, configuration -> new OrderIdSequencingPolicy());
    }

    /** This context's OpenAPI document, served at {@code /v3/api-docs/order-query}. */
    @Bean
    GroupedOpenApi orderQueryApi() {
        return GroupedOpenApi.builder()
                .group("order-query")
                .packagesToScan("io.fulfillment.orderquery")
                .build();
    }
}
