package io.fulfillment.inventory.stock;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.order.OrderId;

/**
 * An order asked for a different quantity of a product it already holds a reservation for. A repeated request with the
 * same quantity is a redelivery and is ignored; a different one means two lines of one order name the same product,
 * which the sender must merge into one reservation.
 */
class ConflictingReservationException extends DomainException {

    static final String CODE = "inventory.reservation-conflict";

    ConflictingReservationException(OrderId orderId, int reserved, int requested) {
        super(
                ErrorKind.CONFLICT,
                CODE,
                "Order " + orderId + " already holds " + reserved + " units of this product, cannot reserve "
                        + requested);
    }
}
