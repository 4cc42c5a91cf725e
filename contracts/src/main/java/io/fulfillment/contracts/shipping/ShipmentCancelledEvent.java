package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** The shipment was cancelled before it left the warehouse. */
public record ShipmentCancelledEvent(ShipmentId shipmentId, OrderId orderId, String reason) implements OrderEvent {}
