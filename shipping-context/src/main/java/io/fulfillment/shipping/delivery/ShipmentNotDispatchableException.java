package io.fulfillment.shipping.delivery;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentStatus;

/** The carrier cannot pick up a shipment that was rejected or cancelled. */
class ShipmentNotDispatchableException extends DomainException {

    ShipmentNotDispatchableException(ShipmentId shipmentId, ShipmentStatus status) {
        super(
                ErrorKind.CONFLICT,
                "shipping.shipment-not-dispatchable",
                "shipment " + shipmentId + " is " + status + " and cannot be dispatched");
    }
}
