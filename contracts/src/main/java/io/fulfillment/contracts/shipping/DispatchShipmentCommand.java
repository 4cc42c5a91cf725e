package io.fulfillment.contracts.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the carrier picked up the shipment. */
public record DispatchShipmentCommand(@TargetAggregateIdentifier ShipmentId shipmentId) {}
