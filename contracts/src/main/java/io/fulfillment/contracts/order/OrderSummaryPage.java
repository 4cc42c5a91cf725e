package io.fulfillment.contracts.order;

import java.util.List;

/** One page of order summaries with the total number of matching orders. */
public record OrderSummaryPage(List<OrderSummary> items, int page, int size, long totalItems) {}
