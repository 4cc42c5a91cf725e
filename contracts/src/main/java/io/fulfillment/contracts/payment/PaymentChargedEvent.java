package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** The customer was charged for the order. */
public record PaymentChargedEvent(PaymentId paymentId, OrderId orderId, Money amount, String pspTransactionId)
        implements OrderEvent {}
