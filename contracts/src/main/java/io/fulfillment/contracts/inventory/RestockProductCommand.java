package io.fulfillment.contracts.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds received units to a product's available stock. */
public record RestockProductCommand(@TargetAggregateIdentifier ProductId productId, int quantity) {}
