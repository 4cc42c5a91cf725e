/** What the business side of the fulfillment flow looks like from outside: its counters. */
package io.fulfillment.order.monitoring;
