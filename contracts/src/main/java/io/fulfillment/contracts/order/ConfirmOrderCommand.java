package io.fulfillment.contracts.order;

import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.shipping.ShipmentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Confirms an order whose every fulfillment step succeeded: it was paid with {@code paymentId} and ships as
 * {@code shipmentId}. One command, so that no earlier progress report can overtake it.
 */
public record ConfirmOrderCommand(
        @TargetAggregateIdentifier OrderId orderId, PaymentId paymentId, ShipmentId shipmentId) {}
