package io.fulfillment.contracts.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the payment provider reversed whatever it held for the payment; the ids are null when it had charged
 * nothing (and so refunded nothing).
 */
public record RecordChargeReversedCommand(
        @TargetAggregateIdentifier PaymentId paymentId, String pspTransactionId, String pspRefundId) {}
