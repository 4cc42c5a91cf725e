package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;

/** A refund of a charged payment was requested. */
public record RefundRequestedEvent(PaymentId paymentId, OrderId orderId, Money amount, String reason) {}
