package io.fulfillment.contracts.order;

/** The customer cancelled the order before its shipment was scheduled. */
public record OrderCancelledEvent(OrderId orderId, String reason) implements OrderEvent {}
