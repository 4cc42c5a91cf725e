package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.order.OrderId;

/** The charge could not be made because the payment provider was unavailable or failing. */
public record PaymentFailedEvent(PaymentId paymentId, OrderId orderId, String reason) {}
