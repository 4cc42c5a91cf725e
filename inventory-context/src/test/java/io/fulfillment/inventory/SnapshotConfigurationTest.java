package io.fulfillment.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.fulfillment.chassis.axon.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SnapshotConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SnapshotConfiguration.class)
            .withBean(Snapshotter.class, () -> mock(Snapshotter.class))
            .withBean(AggregateCaches.class, () -> new AggregateCaches(10));

    @Test
    void snapshotsProductsEveryHundredEventsByDefault() {
        context.run(it -> {
            assertThat(it.getBean(SnapshotProperties.class).threshold()).isEqualTo(100);
            assertThat(it.getBean("productSnapshotTrigger", SnapshotTriggerDefinition.class))
                    .isInstanceOf(EventCountSnapshotTriggerDefinition.class);
        });
    }

    @Test
    void takesTheSnapshotThresholdFromConfiguration() {
        context.withPropertyValues("fulfillment.inventory.snapshots.threshold=25")
                .run(it -> assertThat(it.getBean(SnapshotProperties.class).threshold())
                        .isEqualTo(25));
    }

    @Test
    void keepsProductsInABoundedCacheBetweenCommands() {
        context.run(it -> assertThat(it.getBean("productCache", Cache.class)).isNotNull());
    }
}
