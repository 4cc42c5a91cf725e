package io.fulfillment.contracts.order;

/** The order could not be fulfilled and every completed step was compensated. */
public record OrderRejectedEvent(OrderId orderId, String reason) {}
