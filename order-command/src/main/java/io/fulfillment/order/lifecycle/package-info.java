/** The order aggregate: its lifecycle from placement to confirmation, rejection or cancellation. */
package io.fulfillment.order.lifecycle;
