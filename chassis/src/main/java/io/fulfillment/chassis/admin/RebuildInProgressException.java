package io.fulfillment.chassis.admin;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

/** A rebuild or replay of a read model was asked for while a blue/green rebuild of it is under way. */
class RebuildInProgressException extends DomainException {

    RebuildInProgressException(String readModel) {
        super(ErrorKind.CONFLICT, "admin.rebuild-in-progress", "read model " + readModel + " is being rebuilt");
    }
}
