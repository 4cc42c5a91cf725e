package io.fulfillment.contracts.inventory;

/** Units were added to a product's available stock. */
public record ProductRestockedEvent(ProductId productId, int quantity) {}
