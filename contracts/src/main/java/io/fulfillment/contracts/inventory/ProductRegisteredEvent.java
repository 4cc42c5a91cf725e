package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.kernel.Money;

/** A product joined the catalogue with its price and initial stock. */
public record ProductRegisteredEvent(ProductId productId, String name, Money unitPrice, int initialStock) {}
