package io.fulfillment.shipping;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How often a shipment is snapshotted: after every {@code threshold} events loaded to rebuild it. */
@ConfigurationProperties("fulfillment.shipping.snapshots")
record ShipmentSnapshotProperties(@DefaultValue("100") int threshold) {

    ShipmentSnapshotProperties {
        if (threshold < 1) {
            throw new IllegalArgumentException("fulfillment.shipping.snapshots.threshold must be positive");
        }
    }
}
