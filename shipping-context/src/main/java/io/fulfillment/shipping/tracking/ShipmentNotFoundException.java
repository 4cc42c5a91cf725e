package io.fulfillment.shipping.tracking;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.ShipmentId;

/** No shipment is known under the given shipment id, or for the given order. */
class ShipmentNotFoundException extends DomainException {

    private static final String CODE = "shipping.shipment-not-found";

    private ShipmentNotFoundException(String message) {
        super(ErrorKind.NOT_FOUND, CODE, message);
    }

    static ShipmentNotFoundException withId(ShipmentId shipmentId) {
        return new ShipmentNotFoundException("no shipment " + shipmentId + " is known");
    }

    static ShipmentNotFoundException forOrder(OrderId orderId) {
        return new ShipmentNotFoundException("no shipment is known for order " + orderId);
    }
}
