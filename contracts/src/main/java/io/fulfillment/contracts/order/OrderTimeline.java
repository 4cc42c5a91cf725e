package io.fulfillment.contracts.order;

import java.util.List;

/** The ordered history of one order across every context. */
public record OrderTimeline(OrderId orderId, List<TimelineEntry> entries) {}
