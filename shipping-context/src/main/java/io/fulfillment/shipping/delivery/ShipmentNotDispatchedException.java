package io.fulfillment.shipping.delivery;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentStatus;

/** A delivery was reported for a shipment that never left the warehouse. */
class ShipmentNotDispatchedException extends DomainException {

    ShipmentNotDispatchedException(ShipmentId shipmentId, ShipmentStatus status) {
        super(
                ErrorKind.CONFLICT,
                "shipping.shipment-not-dispatched",
                "shipment " + shipmentId + " is " + status + " and was never dispatched, so it cannot be delivered");
    }
}
