/**
 * The order timeline read model: every event of one order from every context (order, inventory, payment, shipping),
 * in the order the event store recorded them (by global position, which each entry shows), with a readable description
 * and the correlation id it travelled under.
 * Kept by the {@code order-timeline} processor; the saga's trace, told as a story.
 */
package io.fulfillment.orderquery.timeline;
