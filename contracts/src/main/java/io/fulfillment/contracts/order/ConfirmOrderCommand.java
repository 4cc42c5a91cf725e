package io.fulfillment.contracts.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Confirms an order whose every fulfillment step succeeded. */
public record ConfirmOrderCommand(@TargetAggregateIdentifier OrderId orderId) {}
