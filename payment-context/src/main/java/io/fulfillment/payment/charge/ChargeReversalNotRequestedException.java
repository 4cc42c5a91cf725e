package io.fulfillment.payment.charge;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentStatus;

/** A reversal was reported for a payment whose charge nobody asked to reverse. */
class ChargeReversalNotRequestedException extends DomainException {

    ChargeReversalNotRequestedException(PaymentId paymentId, PaymentStatus status) {
        super(
                ErrorKind.CONFLICT,
                "payment.charge-reversal-not-requested",
                "payment " + paymentId + " is " + status + ": no reversal of its charge was requested");
    }
}
