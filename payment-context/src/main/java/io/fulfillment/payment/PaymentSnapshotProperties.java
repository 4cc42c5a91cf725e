package io.fulfillment.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How often a payment is snapshotted: after every {@code threshold} events loaded to rebuild it. */
@ConfigurationProperties("fulfillment.payment.snapshots")
record PaymentSnapshotProperties(@DefaultValue("100") int threshold) {

    PaymentSnapshotProperties {
        if (threshold < 1) {
            throw new IllegalArgumentException("fulfillment.payment.snapshots.threshold must be positive");
        }
    }
}
