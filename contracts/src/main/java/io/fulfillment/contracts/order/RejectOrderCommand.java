package io.fulfillment.contracts.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects an order that cannot be fulfilled, with the reason's code shown to the customer. */
public record RejectOrderCommand(@TargetAggregateIdentifier OrderId orderId, RejectionCode reason) {}
