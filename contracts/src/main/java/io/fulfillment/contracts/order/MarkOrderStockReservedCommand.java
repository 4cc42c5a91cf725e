package io.fulfillment.contracts.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that stock is reserved for every line of the order. */
public record MarkOrderStockReservedCommand(@TargetAggregateIdentifier OrderId orderId) {}
