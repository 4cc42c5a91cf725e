package io.fulfillment.chassis.admin;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

/** The rebuild has started its switch or finished: there is nothing left to abort. */
class RebuildNotAbortableException extends DomainException {

    RebuildNotAbortableException(String readModel, RebuildStatus.Phase phase) {
        super(
                ErrorKind.CONFLICT,
                "admin.rebuild-not-abortable",
                "the rebuild of " + readModel + " is " + phase + " and can no longer be aborted");
    }
}
