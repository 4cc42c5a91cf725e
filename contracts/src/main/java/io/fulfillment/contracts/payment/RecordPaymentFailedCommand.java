package io.fulfillment.contracts.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the charge could not be made because the payment provider was unavailable or failing. */
public record RecordPaymentFailedCommand(@TargetAggregateIdentifier PaymentId paymentId, PaymentFailure reason) {}
