package io.fulfillment.contracts.order;

/** Asks for one order's current summary; also the subscription query for its live status. */
public record FindOrderSummaryQuery(OrderId orderId) {}
