package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.order.OrderId;

/** Asks for the shipment of an order. */
public record FindShipmentByOrderQuery(OrderId orderId) {}
