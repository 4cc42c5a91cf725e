package io.fulfillment.chassis.problem;

import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;

/**
 * Finds the business refusal behind an exception, however it arrived: the {@link DomainException} itself (in-process
 * bus, possibly wrapped), the {@link ErrorDetails} of a {@link HandlerExecutionException} (the form a refusal takes
 * across JVMs), or an unknown aggregate.
 */
public final class Refusals {

    private static final int MAX_DEPTH = 16;

    private Refusals() {}

    public static Optional<ErrorDetails> find(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof DomainException refusal) {
                return Optional.of(refusal.details());
            }
            if (current instanceof HandlerExecutionException execution) {
                Optional<ErrorDetails> details = execution
                        .getDetails()
                        .filter(ErrorDetails.class::isInstance)
                        .map(ErrorDetails.class::cast);
                if (details.isPresent()) {
                    return details;
                }
            }
            if (current instanceof AggregateNotFoundException notFound) {
                return Optional.of(new ErrorDetails(ErrorKind.NOT_FOUND, "aggregate-not-found", notFound.getMessage()));
            }
            if (current.getCause() == current) {
                break;
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    static HttpStatus status(ErrorKind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
