package io.fulfillment.order;

import io.fulfillment.chassis.axon.AggregateCaches;
import io.fulfillment.chassis.defaults.ContextDefaults;
import io.fulfillment.order.fulfillment.FulfillmentCommands;
import io.fulfillment.order.fulfillment.SagaProperties;
import io.fulfillment.order.monitoring.FulfillmentMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything the order command side contributes to an application that hosts it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ContextDefaults("config/order-command.yml")
@EnableConfigurationProperties({SagaProperties.class, OrderConfiguration.OrderSnapshotProperties.class})
public class OrderConfiguration {

    /** This context's OpenAPI document, served at {@code /v3/api-docs/order-command}. */
    @Bean
    GroupedOpenApi orderCommandApi() {
        return GroupedOpenApi.builder()
                .group("order-command")
                .packagesToScan("io.fulfillment.order.placement")
                .build();
    }

    /** The saga's command gateway: technical failures retried with exponential backoff. */
    @Bean(destroyMethod = "close")
    FulfillmentCommands fulfillmentCommands(
            CommandBus commandBus, SagaProperties properties, FulfillmentMetrics metrics) {
        return new FulfillmentCommands(commandBus, properties, List.of(metrics.compensations()));
    }

    /** The business counters (orders placed, confirmed, rejected by reason, compensations) on /actuator/prometheus. */
    @Bean
    FulfillmentMetrics fulfillmentMetrics(MeterRegistry meterRegistry, EventBus eventBus) {
        FulfillmentMetrics metrics = new FulfillmentMetrics(meterRegistry);
        eventBus.registerDispatchInterceptor(metrics.orderOutcomes());
        return metrics;
    }

    /** Named in {@code @Aggregate(cache = ...)}: orders stay loaded between commands. */
    @Bean
    Cache orderCache(AggregateCaches caches) {
        return caches.named("order");
    }

    @Bean
    SnapshotTriggerDefinition orderSnapshotTrigger(Snapshotter snapshotter, OrderSnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }

    /** After how many events an order aggregate is snapshotted. */
    @ConfigurationProperties("fulfillment.order.snapshots")
    record OrderSnapshotProperties(@DefaultValue("100") int threshold) {}
}
