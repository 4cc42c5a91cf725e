package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** The payment was abandoned before it was charged. */
public record PaymentCancelledEvent(PaymentId paymentId, OrderId orderId, String reason) implements OrderEvent {}
