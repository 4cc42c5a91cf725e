package io.fulfillment.contracts.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the payment provider refunded the payment. */
public record RecordRefundCompletedCommand(@TargetAggregateIdentifier PaymentId paymentId, String pspRefundId) {}
