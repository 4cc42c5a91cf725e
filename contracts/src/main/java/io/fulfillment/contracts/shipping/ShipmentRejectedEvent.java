package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.order.OrderId;

/** Delivery could not be scheduled, for example because the address is outside the delivery area. */
public record ShipmentRejectedEvent(ShipmentId shipmentId, OrderId orderId, String reason) {}
