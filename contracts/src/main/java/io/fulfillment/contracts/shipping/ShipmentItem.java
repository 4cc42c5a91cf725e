package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.inventory.ProductId;

/** One product and quantity travelling in a shipment. */
public record ShipmentItem(ProductId productId, int quantity) {}
