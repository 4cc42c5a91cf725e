package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/** Units could not be set aside for an order because too few are available. */
public record StockReservationRejectedEvent(ProductId productId, OrderId orderId, int requested, int available)
        implements OrderEvent {}
