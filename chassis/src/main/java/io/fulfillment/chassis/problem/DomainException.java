package io.fulfillment.chassis.problem;

import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;

/**
 * A command refused by a business rule. Each context names its own subclasses; the {@link ErrorDetails} travel with
 * the refusal across JVMs and decide the HTTP status at the edge.
 */
public abstract class DomainException extends RuntimeException {

    private final ErrorDetails details;

    protected DomainException(ErrorKind kind, String code, String message) {
        super(message);
        this.details = new ErrorDetails(kind, code, message);
    }

    public ErrorDetails details() {
        return details;
    }
}
