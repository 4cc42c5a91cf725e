package io.fulfillment.shipping;

import io.fulfillment.chassis.axon.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShipmentSnapshotProperties.class)
class ShipmentSnapshotConfiguration {

    /** Named in {@code @Aggregate(cache = ...)}: shipments stay loaded between commands. */
    @Bean
    Cache shipmentCache(AggregateCaches caches) {
        return caches.named("shipment");
    }

    /** Referenced by name from {@code @Aggregate(snapshotTriggerDefinition = ...)} on the shipment aggregate. */
    @Bean
    SnapshotTriggerDefinition shipmentSnapshotTrigger(Snapshotter snapshotter, ShipmentSnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }
}
