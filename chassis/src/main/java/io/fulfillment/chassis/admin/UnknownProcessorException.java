package io.fulfillment.chassis.admin;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

/** An admin request named an event processor, processing group or dead letter this application does not have. */
class UnknownProcessorException extends DomainException {

    UnknownProcessorException(String what) {
        super(ErrorKind.NOT_FOUND, "admin.unknown", what + " does not exist");
    }
}
