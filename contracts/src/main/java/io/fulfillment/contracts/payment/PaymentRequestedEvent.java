package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** A charge of an order's total was requested from the customer. */
public record PaymentRequestedEvent(PaymentId paymentId, OrderId orderId, CustomerId customerId, Money amount)
        implements OrderEvent {}
