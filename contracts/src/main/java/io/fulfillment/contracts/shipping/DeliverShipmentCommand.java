package io.fulfillment.contracts.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the shipment reached its recipient. */
public record DeliverShipmentCommand(@TargetAggregateIdentifier ShipmentId shipmentId) {}
