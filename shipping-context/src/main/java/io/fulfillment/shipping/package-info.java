/** Shipping context: schedules, dispatches and delivers the goods of paid orders. */
package io.fulfillment.shipping;
