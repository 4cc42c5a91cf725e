package io.fulfillment.chassis.problem;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;

/**
 * Finds, behind an exception, that the request could not be served because something it depends on is unavailable
 * right now rather than because of the request: no service handles its command or query at the moment (in the
 * distributed mode: the service is not connected to Axon Server, e.g. while it restarts), or Axon Server cannot be
 * reached. Such a failure is answered 503, which the API gateway's circuit breakers count (ADR 0009); a 500 does not.
 */
final class Unavailability {

    private static final int MAX_DEPTH = 16;
    private static final Set<ErrorCode> UNAVAILABLE_CODES =
            Set.of(ErrorCode.CONNECTION_FAILED, ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE);

    private Unavailability() {}

    static boolean isUnavailable(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof NoHandlerForCommandException
                    || current instanceof NoHandlerForQueryException
                    || (current instanceof AxonServerException axonServer
                            && UNAVAILABLE_CODES.contains(axonServer.errorCode()))
                    || (current instanceof StatusRuntimeException status
                            && status.getStatus().getCode() == Status.Code.UNAVAILABLE)) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }
}
