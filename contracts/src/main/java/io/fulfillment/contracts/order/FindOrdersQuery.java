package io.fulfillment.contracts.order;

import io.fulfillment.contracts.kernel.CustomerId;

/** Asks for a page of order summaries, optionally only one customer's or only in one status. */
public record FindOrdersQuery(CustomerId customerId, OrderStatus status, int page, int size) {}
