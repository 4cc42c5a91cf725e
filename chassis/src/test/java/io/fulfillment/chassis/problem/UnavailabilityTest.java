package io.fulfillment.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.junit.jupiter.api.Test;

class UnavailabilityTest {

    @Test
    void findsAServiceThatIsNotConnected() {
        assertThat(Unavailability.isUnavailable(
                        new CompletionException(new NoHandlerForCommandException("no handler for ReserveStock"))))
                .isTrue();
        assertThat(Unavailability.isUnavailable(new NoHandlerForQueryException("no handler for FindProducts")))
                .isTrue();
    }

    @Test
    void findsAnUnreachableAxonServer() {
        assertThat(Unavailability.isUnavailable(
                        new AxonServerException(ErrorCode.CONNECTION_FAILED.errorCode(), "connection refused")))
                .isTrue();
        assertThat(Unavailability.isUnavailable(new IllegalStateException(Status.UNAVAILABLE.asRuntimeException())))
                .isTrue();
    }

    @Test
    void leavesOneRequestsFailureAlone() {
        assertThat(Unavailability.isUnavailable(new CommandExecutionException("boom", new IllegalStateException())))
                .isFalse();
        assertThat(Unavailability.isUnavailable(Status.OUT_OF_RANGE.asRuntimeException()))
                .isFalse();
    }
}
