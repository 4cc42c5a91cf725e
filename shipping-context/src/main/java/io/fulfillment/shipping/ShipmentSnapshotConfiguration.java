package io.fulfillment.shipping;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShipmentSnapshotProperties.class)
class ShipmentSnapshotConfiguration {

    /** Referenced by name from {@code @Aggregate(snapshotTriggerDefinition = ...)} on the shipment aggregate. */
    @Bean
    SnapshotTriggerDefinition shipmentSnapshotTrigger(Snapshotter snapshotter, ShipmentSnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }
}
