package io.fulfillment.payment;

import io.fulfillment.chassis.axon.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentSnapshotProperties.class)
class PaymentSnapshotConfiguration {

    /** Named in {@code @Aggregate(cache = ...)}: payments stay loaded between commands. */
    @Bean
    Cache paymentCache(AggregateCaches caches) {
        return caches.named("payment");
    }

    /** Referenced by name from {@code @Aggregate(snapshotTriggerDefinition = ...)} on the payment aggregate. */
    @Bean
    SnapshotTriggerDefinition paymentSnapshotTrigger(Snapshotter snapshotter, PaymentSnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }
}
