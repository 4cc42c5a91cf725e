package io.fulfillment.chassis.admin;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

/** The processor cannot be replayed: sagas and handlers with side effects are not rebuilt from history. */
class ReplayNotSupportedException extends DomainException {

    ReplayNotSupportedException(String name) {
        super(ErrorKind.CONFLICT, "admin.replay-not-supported", "processor " + name + " does not support replay");
    }
}
