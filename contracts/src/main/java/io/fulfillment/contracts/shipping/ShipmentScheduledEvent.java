package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;
import java.util.List;

/** Delivery of an order's goods is scheduled. */
public record ShipmentScheduledEvent(
        ShipmentId shipmentId, OrderId orderId, ShippingAddress address, List<ShipmentItem> items)
        implements OrderEvent {}
