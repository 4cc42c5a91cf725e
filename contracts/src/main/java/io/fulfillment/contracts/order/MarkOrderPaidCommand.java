package io.fulfillment.contracts.order;

import io.fulfillment.contracts.payment.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the order's payment was charged. */
public record MarkOrderPaidCommand(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId) {}
