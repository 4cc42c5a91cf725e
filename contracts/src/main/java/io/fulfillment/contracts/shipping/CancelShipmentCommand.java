package io.fulfillment.contracts.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to cancel a shipment that has not left the warehouse. */
public record CancelShipmentCommand(@TargetAggregateIdentifier ShipmentId shipmentId, String reason) {}
