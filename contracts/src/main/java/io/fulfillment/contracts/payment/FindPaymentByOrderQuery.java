package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.order.OrderId;

/** Asks for the payment of an order. */
public record FindPaymentByOrderQuery(OrderId orderId) {}
