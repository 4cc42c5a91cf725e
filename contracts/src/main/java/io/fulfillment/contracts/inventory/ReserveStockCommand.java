package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to set aside units of a product for an order. */
public record ReserveStockCommand(@TargetAggregateIdentifier ProductId productId, OrderId orderId, int quantity) {}
