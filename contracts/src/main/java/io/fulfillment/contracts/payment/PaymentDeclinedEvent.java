package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** The payment provider declined the charge. */
public record PaymentDeclinedEvent(PaymentId paymentId, OrderId orderId, String reason) implements OrderEvent {}
