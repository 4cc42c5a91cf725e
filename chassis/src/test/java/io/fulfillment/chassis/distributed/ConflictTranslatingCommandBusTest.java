package io.fulfillment.chassis.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ConflictTranslatingCommandBusTest {

    private static final String COMMAND = "register";

    private final SimpleCommandBus commandBus = new ConflictTranslatingCommandBus(SimpleCommandBus.builder());

    @Test
    void reportsAnEventStoreConflictAtCommitAsAConflictRefusal() throws Exception {
        commandBus.subscribe(COMMAND, command -> {
            CurrentUnitOfWork.get().onCommit(unitOfWork -> {
                throw new ConcurrencyException("sequence 0 of product-1 is taken");
            });
            return null;
        });

        CommandResultMessage<?> result = dispatch();

        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        assertThat(((CommandExecutionException) result.exceptionResult()).getDetails())
                .contains(new ErrorDetails(
                        ErrorKind.CONFLICT, AggregateConflicts.CODE, ConflictTranslatingCommandBus.MESSAGE));
        assertThat(result.exceptionResult()).hasRootCauseInstanceOf(ConcurrencyException.class);
    }

    @Test
    void reportsADuplicateAggregateStreamAsAConflictRefusal() throws Exception {
        commandBus.subscribe(COMMAND, command -> {
            throw new IllegalStateException("append failed", new AggregateStreamCreationException("product-1 exists"));
        });

        CommandResultMessage<?> result = dispatch();

        assertThat(((CommandExecutionException) result.exceptionResult()).getDetails())
                .get()
                .extracting(details -> ((ErrorDetails) details).kind())
                .isEqualTo(ErrorKind.CONFLICT);
    }

    /** What Axon Server's append transaction fails with when a second aggregate takes an existing id. */
    static StatusRuntimeException invalidSequence() {
        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER), "AXONIQ-2000");
        return Status.OUT_OF_RANGE
                .withDescription("Invalid sequence number 0 for aggregate order-1, expected 1")
                .asRuntimeException(trailers);
    }

    @Test
    void reportsAxonServersRefusedAppendAtCommitAsAConflictRefusal() throws Exception {
        commandBus.subscribe(COMMAND, command -> {
            CurrentUnitOfWork.get().onCommit(unitOfWork -> {
                throw invalidSequence();
            });
            return null;
        });

        CommandResultMessage<?> result = dispatch();

        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        assertThat(((CommandExecutionException) result.exceptionResult()).getDetails())
                .contains(new ErrorDetails(
                        ErrorKind.CONFLICT, AggregateConflicts.CODE, ConflictTranslatingCommandBus.MESSAGE));
    }

    @Test
    void reportsAxonServersRefusedAppendWrappedInAnAxonExceptionAsAConflictRefusal() throws Exception {
        commandBus.subscribe(COMMAND, command -> {
            throw new IllegalStateException(
                    "append failed",
                    new AxonServerException(ErrorCode.INVALID_EVENT_SEQUENCE.errorCode(), "Invalid sequence number 0"));
        });

        assertThat(((CommandExecutionException) dispatch().exceptionResult()).getDetails())
                .get()
                .extracting(details -> ((ErrorDetails) details).code())
                .isEqualTo(AggregateConflicts.CODE);
    }

    @Test
    void leavesOtherAxonServerFailuresAlone() throws Exception {
        StatusRuntimeException unavailable = Status.UNAVAILABLE.asRuntimeException();
        commandBus.subscribe(COMMAND, command -> {
            throw unavailable;
        });

        assertThat(dispatch().exceptionResult()).isSameAs(unavailable);
    }

    @Test
    void leavesOtherFailuresAndRefusalsAlone() throws Exception {
        CommandExecutionException refusal = new CommandExecutionException(
                "out of stock", null, new ErrorDetails(ErrorKind.UNPROCESSABLE, "stock", "out of stock"));
        commandBus.subscribe(COMMAND, command -> {
            throw refusal;
        });

        assertThat(dispatch().exceptionResult()).isSameAs(refusal);
    }

    @Test
    void leavesSuccessAlone() throws Exception {
        commandBus.subscribe(COMMAND, command -> "done");

        assertThat(dispatch().getPayload()).isEqualTo("done");
    }

    private CommandResultMessage<?> dispatch() throws Exception {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(new GenericCommandMessage<>(new GenericMessage<>("payload"), COMMAND), callback);
        return callback.get();
    }
}
