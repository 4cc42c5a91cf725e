package io.fulfillment.contracts.order;

import java.util.List;

/** The history of one order across every context, in the order the event store recorded it (by position). */
public record OrderTimeline(OrderId orderId, List<TimelineEntry> entries) {}
