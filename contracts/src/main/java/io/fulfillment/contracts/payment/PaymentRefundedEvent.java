package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** The charged amount went back to the customer. */
public record PaymentRefundedEvent(PaymentId paymentId, OrderId orderId, Money amount, String pspRefundId)
        implements OrderEvent {}
