package io.fulfillment.payment.charge;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentStatus;

/** A refund was asked for a payment that never took the customer's money. */
class PaymentNotRefundableException extends DomainException {

    PaymentNotRefundableException(PaymentId paymentId, PaymentStatus status) {
        super(
                ErrorKind.CONFLICT,
                "payment.not-refundable",
                "payment " + paymentId + " is " + status + " and was never charged, so there is nothing to refund");
    }
}
