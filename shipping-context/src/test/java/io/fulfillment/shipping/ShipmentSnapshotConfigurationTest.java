package io.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.fulfillment.chassis.axon.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ShipmentSnapshotConfigurationTest {

    private static final int DEFAULT_THRESHOLD = 100;
    private static final int TUNED_THRESHOLD = 25;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withUserConfiguration(ShipmentSnapshotConfiguration.class)
            .withBean(Snapshotter.class, () -> mock(Snapshotter.class))
            .withBean(AggregateCaches.class, () -> new AggregateCaches(10));

    @Test
    void snapshotsShipmentsEveryHundredEventsByDefault() {
        contextRunner.run(context -> {
            assertThat(context)
                    .getBean("shipmentSnapshotTrigger")
                    .isInstanceOf(EventCountSnapshotTriggerDefinition.class);
            assertThat(context.getBean(ShipmentSnapshotProperties.class).threshold())
                    .isEqualTo(DEFAULT_THRESHOLD);
        });
    }

    @Test
    void takesSnapshotThresholdFromConfiguration() {
        contextRunner
                .withPropertyValues("fulfillment.shipping.snapshots.threshold=" + TUNED_THRESHOLD)
                .run(context -> assertThat(context.getBean(ShipmentSnapshotProperties.class)
                                .threshold())
                        .isEqualTo(TUNED_THRESHOLD));
    }

    @Test
    void refusesThresholdBelowOne() {
        contextRunner
                .withPropertyValues("fulfillment.shipping.snapshots.threshold=0")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void keepsShipmentsInABoundedCacheBetweenCommands() {
        contextRunner.run(
                it -> assertThat(it.getBean("shipmentCache", Cache.class)).isNotNull());
    }
}
