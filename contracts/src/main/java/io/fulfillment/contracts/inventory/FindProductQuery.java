package io.fulfillment.contracts.inventory;

/** Asks for one product of the catalogue with its stock levels. */
public record FindProductQuery(ProductId productId) {}
