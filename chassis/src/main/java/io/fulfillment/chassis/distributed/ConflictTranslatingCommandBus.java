package io.fulfillment.chassis.distributed;

import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import java.util.Optional;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The local segment of the Axon Server command bus in the distributed mode. A command whose events clash in the event
 * store (a second aggregate under an existing id, or a concurrent change) fails while its unit of work commits, after
 * the chassis' refusal interceptor has returned; Axon Server would carry that failure to the caller as a bare
 * {@code AXONIQ-4002} command execution error, which the edge can only answer with 500. This bus turns such a result
 * into a {@link CommandExecutionException} with a {@code CONFLICT} {@link ErrorDetails}, the same form every other
 * refusal crosses JVMs in, so the problem-details advice answers 409.
 */
class ConflictTranslatingCommandBus extends SimpleCommandBus {

    static final String AGGREGATE_CONFLICT = "aggregate-conflict";
    static final String MESSAGE = "The aggregate already exists or was changed concurrently";
    private static final int MAX_DEPTH = 16;

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
        return conflictIn(failure)
                .<CommandResultMessage<? extends R>>map(conflict -> new GenericCommandResultMessage<R>(
                        new CommandExecutionException(
                                MESSAGE, failure, new ErrorDetails(ErrorKind.CONFLICT, AGGREGATE_CONFLICT, MESSAGE)),
                        result.getMetaData()))
                .orElse(result);
    }

    private static Optional<Throwable> conflictIn(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof ConcurrencyException || current instanceof AggregateStreamCreationException) {
                return Optional.of(current);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return Optional.empty();
    }
}
