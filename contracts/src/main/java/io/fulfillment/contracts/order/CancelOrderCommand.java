package io.fulfillment.contracts.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer's request to cancel their order before its shipment is scheduled. */
public record CancelOrderCommand(@TargetAggregateIdentifier OrderId orderId, String reason) {}
