package io.fulfillment.contracts.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to give a charged payment back to the customer. */
public record RequestRefundCommand(@TargetAggregateIdentifier PaymentId paymentId, String reason) {}
