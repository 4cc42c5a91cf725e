package io.fulfillment.payment.charge;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentStatus;

/** The provider's answer that the charge was declined or failed contradicts a charge already recorded. */
class PaymentAlreadyChargedException extends DomainException {

    PaymentAlreadyChargedException(PaymentId paymentId, PaymentStatus status) {
        super(
                ErrorKind.CONFLICT,
                "payment.already-charged",
                "payment " + paymentId + " is " + status + ": it was charged and cannot be declined or failed");
    }
}
