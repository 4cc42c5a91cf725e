package io.fulfillment.contracts.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Abandons a payment: voids it if not yet charged, refunds it if it was. */
public record CancelPaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, String reason) {}
