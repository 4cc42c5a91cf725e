/**
 * The standalone service of the payment context (distributed mode): a launcher and nothing else; the context itself is
 * {@link io.fulfillment.payment.PaymentConfiguration}.
 */
package io.fulfillment.payment.service;
