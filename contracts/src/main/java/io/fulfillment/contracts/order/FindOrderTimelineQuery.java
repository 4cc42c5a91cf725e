package io.fulfillment.contracts.order;

/** Asks for every event of one order across all contexts, oldest first. */
public record FindOrderTimelineQuery(OrderId orderId) {}
