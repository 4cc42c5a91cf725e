package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** An order's reserved units went back to available stock. */
public record StockReleasedEvent(ProductId productId, OrderId orderId, int quantity) implements OrderEvent {}
