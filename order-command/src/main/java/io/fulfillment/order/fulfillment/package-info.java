/** The saga that orchestrates stock, payment and shipping for each placed order and compensates failures. */
package io.fulfillment.order.fulfillment;
