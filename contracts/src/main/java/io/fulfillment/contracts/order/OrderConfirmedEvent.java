package io.fulfillment.contracts.order;

/** The order is fulfilled: stock reserved, paid and shipment scheduled. */
public record OrderConfirmedEvent(OrderId orderId) implements OrderEvent {}
