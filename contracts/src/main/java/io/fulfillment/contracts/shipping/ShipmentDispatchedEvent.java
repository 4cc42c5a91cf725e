package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;
import java.util.List;

/** The carrier picked up the shipment; its goods left the warehouse. */
public record ShipmentDispatchedEvent(ShipmentId shipmentId, OrderId orderId, List<ShipmentItem> items)
        implements OrderEvent {}
