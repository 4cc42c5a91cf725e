package io.fulfillment.shipping.carrier;

/** The answer to a carrier report: accepted for processing; the shipment's new state is read at the Location. */
record ShipmentAccepted(String shipmentId, String status) {}
