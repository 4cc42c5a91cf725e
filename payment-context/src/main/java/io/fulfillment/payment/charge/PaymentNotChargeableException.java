package io.fulfillment.payment.charge;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentStatus;

/** A charge was recorded for a payment the provider had already declined or failed to make. */
class PaymentNotChargeableException extends DomainException {

    PaymentNotChargeableException(PaymentId paymentId, PaymentStatus status) {
        super(
                ErrorKind.CONFLICT,
                "payment.not-chargeable",
                "payment " + paymentId + " is " + status + " and can no longer be charged");
    }
}
