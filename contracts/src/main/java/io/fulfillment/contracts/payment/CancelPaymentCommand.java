package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Abandons the order's payment: voids it if not yet charged, refunds it if it was, and prevents it if it has not been
 * requested yet (a request that arrives later is refused).
 */
public record CancelPaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, OrderId orderId, String reason) {}
