package io.fulfillment.contracts.payment;

/** Asks for one payment. */
public record FindPaymentQuery(PaymentId paymentId) {}
