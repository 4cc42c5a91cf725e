package io.fulfillment.contracts.order;

import io.fulfillment.contracts.payment.PaymentId;

/** The order's payment was charged. */
public record OrderPaidEvent(OrderId orderId, PaymentId paymentId) implements OrderEvent {}
