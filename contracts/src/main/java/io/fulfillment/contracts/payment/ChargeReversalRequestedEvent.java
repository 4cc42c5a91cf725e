package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/**
 * The payment was not charged as far as this system knows, but the provider may have taken the money anyway (its
 * answers were lost or came too late), so whatever it holds for the payment is to be given back.
 */
public record ChargeReversalRequestedEvent(PaymentId paymentId, OrderId orderId) implements OrderEvent {}
