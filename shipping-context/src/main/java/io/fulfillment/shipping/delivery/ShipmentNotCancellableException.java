package io.fulfillment.shipping.delivery;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentStatus;

/** Goods that have left the warehouse can no longer be held back. */
class ShipmentNotCancellableException extends DomainException {

    ShipmentNotCancellableException(ShipmentId shipmentId, ShipmentStatus status) {
        super(
                ErrorKind.CONFLICT,
                "shipping.shipment-not-cancellable",
                "shipment " + shipmentId + " is " + status + ": its goods have left the warehouse");
    }
}
