package io.fulfillment.order.placement;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.ErrorKind;
import java.util.Collection;

/** An order names products the catalogue does not carry. */
class UnknownProductException extends DomainException {

    UnknownProductException(Collection<ProductId> unknown) {
        super(ErrorKind.UNPROCESSABLE, "order.unknown-product", "unknown product(s): " + unknown);
    }
}
