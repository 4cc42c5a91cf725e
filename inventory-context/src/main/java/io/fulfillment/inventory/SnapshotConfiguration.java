package io.fulfillment.inventory;

import io.fulfillment.chassis.axon.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
class SnapshotConfiguration {

    /** Named in {@code @Aggregate(cache = ...)}: products stay loaded between commands. */
    @Bean
    Cache productCache(AggregateCaches caches) {
        return caches.named("product");
    }

    /** Named in {@code @Aggregate(snapshotTriggerDefinition = ...)} on {@code Product}. */
    @Bean
    SnapshotTriggerDefinition productSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties snapshots) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, snapshots.threshold());
    }
}
