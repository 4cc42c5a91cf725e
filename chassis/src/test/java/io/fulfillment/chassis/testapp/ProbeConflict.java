package io.fulfillment.chassis.testapp;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

class ProbeConflict extends DomainException {

    ProbeConflict(String code) {
        super(ErrorKind.CONFLICT, code, "probe refused with " + code);
    }
}
