package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to cancel the order's shipment before it leaves the warehouse; one not scheduled yet is prevented (a schedule
 * request that arrives later is refused).
 */
public record CancelShipmentCommand(@TargetAggregateIdentifier ShipmentId shipmentId, OrderId orderId, String reason) {}
