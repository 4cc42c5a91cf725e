package io.fulfillment.chassis.distributed;

import io.fulfillment.contracts.kernel.ErrorDetails;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.event.util.GrpcExceptionParser;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Recognises a command that failed because its events clash with the aggregate's stream in the event store: a second
 * aggregate created under an existing id, or a concurrent change. Each store reports it differently:
 *
 * <ul>
 *   <li>the embedded JDBC/JPA store: {@link AggregateStreamCreationException} or {@link ConcurrencyException};
 *   <li>Axon Server: the append transaction fails at commit with {@code AXONIQ-2000} ("Invalid sequence number 0 for
 *       aggregate …, expected 1"), which Axon's {@code AxonServerEventStore} rethrows as the bare gRPC
 *       {@link StatusRuntimeException} (the code is in its trailers), or, where Axon converts it, as an
 *       {@link AxonServerException} with {@link ErrorCode#INVALID_EVENT_SEQUENCE};
 *   <li>in the dispatching JVM, after {@link ConflictTranslatingCommandBus} translated it in the handling one: a
 *       {@link CommandExecutionException} whose details carry the code {@value #CODE}.
 * </ul>
 */
public final class AggregateConflicts {

    /** The refusal code of a conflict in the event store, as it crosses JVMs. */
    public static final String CODE = "aggregate-conflict";

    private static final int MAX_DEPTH = 16;

    private AggregateConflicts() {}

    /** Whether the failure, however it arrived, is a clash with the aggregate's stream in the event store. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (isStoreConflict(cause) || isTranslatedConflict(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The event store's own report of the clash in the failure's causes, as raised in the handling JVM. */
    static Optional<Throwable> storeConflictIn(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (isStoreConflict(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    private static boolean isStoreConflict(Throwable cause) {
        return cause instanceof ConcurrencyException
                || cause instanceof AggregateStreamCreationException
                || (cause instanceof AxonServerException axonServer
                        && axonServer.errorCode() == ErrorCode.INVALID_EVENT_SEQUENCE)
                || (cause instanceof StatusRuntimeException status
                        && GrpcExceptionParser.parse(status) instanceof ConcurrencyException);
    }

    private static boolean isTranslatedConflict(Throwable cause) {
        return cause instanceof CommandExecutionException execution
                && execution
                        .getDetails()
                        .filter(ErrorDetails.class::isInstance)
                        .map(details -> CODE.equals(((ErrorDetails) details).code()))
                        .orElse(false);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable current = failure;
                current != null && causes.size() < MAX_DEPTH && !causes.contains(current);
                current = current.getCause()) {
            causes.add(current);
        }
        return causes;
    }
}
