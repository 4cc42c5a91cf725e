/** Payment context: charges an order's total through the payment service provider and gives it back when asked. */
package io.fulfillment.payment;
