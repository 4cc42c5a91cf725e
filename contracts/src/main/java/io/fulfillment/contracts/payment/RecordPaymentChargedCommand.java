package io.fulfillment.contracts.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the payment provider charged the payment. */
public record RecordPaymentChargedCommand(@TargetAggregateIdentifier PaymentId paymentId, String pspTransactionId) {}
