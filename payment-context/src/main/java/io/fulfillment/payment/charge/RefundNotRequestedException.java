package io.fulfillment.payment.charge;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentStatus;

/** The provider reported a refund nobody asked for. */
class RefundNotRequestedException extends DomainException {

    RefundNotRequestedException(PaymentId paymentId, PaymentStatus status) {
        super(
                ErrorKind.CONFLICT,
                "refund-not-requested",
                "payment " + paymentId + " is " + status + ": no refund was requested, so none can complete");
    }
}
