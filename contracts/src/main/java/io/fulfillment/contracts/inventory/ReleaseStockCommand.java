package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Returns an order's reserved units of a product to available stock. */
public record ReleaseStockCommand(@TargetAggregateIdentifier ProductId productId, OrderId orderId) {}
