package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to charge a customer the total of an order. */
public record RequestPaymentCommand(
        @TargetAggregateIdentifier PaymentId paymentId, OrderId orderId, CustomerId customerId, Money amount) {}
