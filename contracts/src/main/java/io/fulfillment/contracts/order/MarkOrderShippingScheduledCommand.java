package io.fulfillment.contracts.order;

import io.fulfillment.contracts.shipping.ShipmentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a shipment was scheduled for the order. */
public record MarkOrderShippingScheduledCommand(@TargetAggregateIdentifier OrderId orderId, ShipmentId shipmentId) {}
