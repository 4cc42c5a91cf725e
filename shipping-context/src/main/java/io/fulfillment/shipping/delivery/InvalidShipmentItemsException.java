package io.fulfillment.shipping.delivery;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.shipping.ShipmentItem;
import java.util.List;

/** A shipment must carry something: at least one item, each naming a product and a positive quantity. */
class InvalidShipmentItemsException extends DomainException {

    InvalidShipmentItemsException(List<ShipmentItem> items) {
        super(
                ErrorKind.UNPROCESSABLE,
                "shipping.shipment-items-invalid",
                "a shipment needs at least one item, each with a product and a positive quantity, got " + items);
    }
}
