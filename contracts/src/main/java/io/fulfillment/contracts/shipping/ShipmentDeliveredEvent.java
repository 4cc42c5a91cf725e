package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** The shipment reached its recipient. */
public record ShipmentDeliveredEvent(ShipmentId shipmentId, OrderId orderId) implements OrderEvent {}
