package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** An order's reserved units left the warehouse with its shipment. */
public record StockCommittedEvent(ProductId productId, OrderId orderId, int quantity) implements OrderEvent {}
