package io.fulfillment.order.lifecycle;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

/** An order that cannot be placed as requested: no lines, a non-positive quantity, mixed currencies. */
public class InvalidOrderException extends DomainException {

    InvalidOrderException(String message) {
        super(ErrorKind.UNPROCESSABLE, "order.invalid", message);
    }
}
