package io.fulfillment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.fulfillment.chassis.axon.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PaymentSnapshotConfigurationTest {

    private static final int DEFAULT_THRESHOLD = 100;
    private static final int TUNED_THRESHOLD = 25;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withUserConfiguration(PaymentSnapshotConfiguration.class)
            .withBean(Snapshotter.class, () -> mock(Snapshotter.class))
            .withBean(AggregateCaches.class, () -> new AggregateCaches(10));

    @Test
    void snapshotsPaymentsEveryHundredEventsByDefault() {
        contextRunner.run(context -> {
            assertThat(context)
                    .getBean("paymentSnapshotTrigger")
                    .isInstanceOf(EventCountSnapshotTriggerDefinition.class);
            assertThat(context.getBean(PaymentSnapshotProperties.class).threshold())
                    .isEqualTo(DEFAULT_THRESHOLD);
        });
    }

    @Test
    void takesSnapshotThresholdFromConfiguration() {
        contextRunner
                .withPropertyValues("fulfillment.payment.snapshots.threshold=" + TUNED_THRESHOLD)
                .run(context -> assertThat(
                                context.getBean(PaymentSnapshotProperties.class).threshold())
                        .isEqualTo(TUNED_THRESHOLD));
    }

    @Test
    void refusesThresholdBelowOne() {
        contextRunner
                .withPropertyValues("fulfillment.payment.snapshots.threshold=0")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void keepsPaymentsInABoundedCacheBetweenCommands() {
        contextRunner.run(
                it -> assertThat(it.getBean("paymentCache", Cache.class)).isNotNull());
    }
}
