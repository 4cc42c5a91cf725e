/** The standalone service of the payment-context context (distributed mode); the context itself is {@link io.fulfillment.payment.PaymentConfiguration}. */
package io.fulfillment.payment.service;
