package io.fulfillment.contracts.order;

/** Stock for every line of the order is reserved. */
public record OrderStockReservedEvent(OrderId orderId) implements OrderEvent {}
