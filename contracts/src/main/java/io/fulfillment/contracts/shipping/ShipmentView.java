package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import java.util.List;

/** A shipment as operators and customers see it. */
public record ShipmentView(
        ShipmentId shipmentId,
        OrderId orderId,
        ShipmentStatus status,
        ShippingAddress address,
        List<ShipmentItem> items,
        String reason) {}
