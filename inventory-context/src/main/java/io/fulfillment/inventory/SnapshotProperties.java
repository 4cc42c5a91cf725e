package io.fulfillment.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often inventory aggregates are snapshotted.
 *
 * @param threshold the number of events loaded for one aggregate after which a snapshot of it is taken
 */
@ConfigurationProperties("fulfillment.inventory.snapshots")
record SnapshotProperties(@DefaultValue("100") int threshold) {}
