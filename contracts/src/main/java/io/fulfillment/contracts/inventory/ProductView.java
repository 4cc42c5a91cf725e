package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.kernel.Money;

/** A catalogue entry: name, current price and stock levels. */
public record ProductView(
        ProductId productId, String name, Money unitPrice, int available, int reserved, int shipped) {}
