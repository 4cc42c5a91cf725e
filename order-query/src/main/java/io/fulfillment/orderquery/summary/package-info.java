/**
 * The order summary read model: one document per order with its status, lines, total and address, kept by the
 * {@code order-summary} processor from the order's own events; it answers single-order and paged list queries and
 * pushes every change to subscribers of the order's live status.
 */
package io.fulfillment.orderquery.summary;
