/**
 * The order query side: read models built from the events of every context (order summaries and lists, per-order
 * timelines), their query handlers, live status as a subscription query, and the REST API that serves them.
 */
package io.fulfillment.orderquery;
