package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a product to the catalogue with its price and initial stock. */
public record RegisterProductCommand(
        @TargetAggregateIdentifier ProductId productId, String name, Money unitPrice, int initialStock) {}
