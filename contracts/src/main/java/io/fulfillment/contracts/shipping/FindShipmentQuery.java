package io.fulfillment.contracts.shipping;

/** Asks for one shipment. */
public record FindShipmentQuery(ShipmentId shipmentId) {}
