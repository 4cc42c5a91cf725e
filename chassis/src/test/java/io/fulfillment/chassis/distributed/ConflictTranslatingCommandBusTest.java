package io.fulfillment.chassis.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
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
                        ErrorKind.CONFLICT,
                        ConflictTranslatingCommandBus.AGGREGATE_CONFLICT,
                        ConflictTranslatingCommandBus.MESSAGE));
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
