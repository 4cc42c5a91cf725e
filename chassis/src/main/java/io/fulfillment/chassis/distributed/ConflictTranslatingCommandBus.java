package io.fulfillment.chassis.distributed;

import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MessageHandler;

/**
 * The local segment of the Axon Server command bus in the distributed mode. A command whose events clash in the event
 * store (a second aggregate under an existing id, or a concurrent change; Axon Server reports it as {@code AXONIQ-2000},
 * see {@link AggregateConflicts}) fails while its unit of work commits, after the chassis' refusal interceptor has
 * returned; Axon Server would carry that failure to the caller as a bare {@code AXONIQ-4002} command execution error,
 * which the edge can only answer with 500. This bus turns such a result into a {@link CommandExecutionException} with a
 * {@code CONFLICT} {@link ErrorDetails} (code {@value AggregateConflicts#CODE}), the same form every other refusal
 * crosses JVMs in, so the problem-details advice answers 409 and a caller can recognise it.
 */
class ConflictTranslatingCommandBus extends SimpleCommandBus {

    static final String MESSAGE = "The aggregate already exists or was changed concurrently";

    ConflictTranslatingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(
            CommandMessage<C> command,
            MessageHandler<? super CommandMessage<?>> handler,
            CommandCallback<? super C, ? super R> callback) {
        CommandCallback<C, R> translating = (message, result) -> callback.onResult(message, translate(result));
        super.handle(command, handler, translating);
    }

    static <R> CommandResultMessage<? extends R> translate(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional() || result.exceptionResult() instanceof HandlerExecutionException) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        return AggregateConflicts.storeConflictIn(failure)
                .<CommandResultMessage<? extends R>>map(conflict -> new GenericCommandResultMessage<R>(
                        new CommandExecutionException(
                                MESSAGE,
                                failure,
                                new ErrorDetails(ErrorKind.CONFLICT, AggregateConflicts.CODE, MESSAGE)),
                        result.getMetaData()))
                .orElse(result);
    }
}
