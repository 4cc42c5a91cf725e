package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/**
 * The provider holds nothing for the payment anymore and takes no charge for it: the charge it had made was refunded
 * ({@code pspTransactionId} and {@code pspRefundId} name both), or there was nothing to refund ({@code pspRefundId}
 * null; {@code pspTransactionId} too when no charge had been made at all).
 */
public record ChargeReversedEvent(PaymentId paymentId, OrderId orderId, String pspTransactionId, String pspRefundId)
        implements OrderEvent {}
