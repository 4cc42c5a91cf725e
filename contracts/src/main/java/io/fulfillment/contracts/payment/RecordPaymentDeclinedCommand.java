package io.fulfillment.contracts.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the payment provider declined the charge. */
public record RecordPaymentDeclinedCommand(@TargetAggregateIdentifier PaymentId paymentId, String reason) {}
