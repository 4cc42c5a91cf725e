package io.fulfillment.payment.charge;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.kernel.Money;

/** A payment was requested for nothing: there is no point asking the provider to charge zero. */
class InvalidPaymentAmountException extends DomainException {

    InvalidPaymentAmountException(Money amount) {
        super(ErrorKind.UNPROCESSABLE, "payment.amount-not-positive", "payment amount must be positive, was " + amount);
    }
}
