package io.fulfillment.contracts.order;

import io.fulfillment.contracts.shipping.ShipmentId;

/** A shipment was scheduled for the order. */
public record OrderShippingScheduledEvent(OrderId orderId, ShipmentId shipmentId) implements OrderEvent {}
