package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;

/** A payment as operators and customers see it. */
public record PaymentView(
        PaymentId paymentId,
        OrderId orderId,
        Money amount,
        PaymentStatus status,
        String pspTransactionId,
        String reason) {}
