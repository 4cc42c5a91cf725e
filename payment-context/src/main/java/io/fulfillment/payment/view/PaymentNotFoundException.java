package io.fulfillment.payment.view;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

/** No payment is known under the id or for the order asked about. */
class PaymentNotFoundException extends DomainException {

    PaymentNotFoundException(String message) {
        super(ErrorKind.NOT_FOUND, "payment.not-found", message);
    }
}
