package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** Units of a product are set aside for an order. */
public record StockReservedEvent(ProductId productId, OrderId orderId, int quantity) implements OrderEvent {}
