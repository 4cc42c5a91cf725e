package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;

/**
 * An order's reservation was released before it was made (the order ended while its reservation request was still on
 * its way): the product will not reserve units for that order anymore.
 */
public record StockReservationWithdrawnEvent(ProductId productId, OrderId orderId) implements OrderEvent {}
