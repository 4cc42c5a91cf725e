package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to schedule delivery of an order's goods to an address. */
public record ScheduleShipmentCommand(
        @TargetAggregateIdentifier ShipmentId shipmentId,
        OrderId orderId,
        ShippingAddress address,
        List<ShipmentItem> items) {}
