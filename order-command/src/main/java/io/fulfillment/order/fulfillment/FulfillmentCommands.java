package io.fulfillment.order.fulfillment;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * The saga's way to send commands. A command that fails for a technical reason (a lock conflict, a service that is
 * briefly unreachable, no handler connected yet) is sent again with exponential backoff; a refusal (the receiver
 * decided, and said why) is final. Whatever retries cannot fix, the step's deadline settles.
 */
public class FulfillmentCommands implements AutoCloseable {

    private final CommandGateway gateway;
    private final ScheduledExecutorService retries;

    FulfillmentCommands(CommandGateway gateway) {
        this.gateway = gateway;
        this.retries = null;
    }

    public FulfillmentCommands(CommandBus commandBus, SagaProperties properties) {
        this(commandBus, properties, List.of());
    }

    /** The {@code interceptors} see each command once, when it is sent (not on its retries). */
    public FulfillmentCommands(
            CommandBus commandBus,
            SagaProperties properties,
            List<MessageDispatchInterceptor<? super CommandMessage<?>>> interceptors) {
        this.retries = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("saga-command-retries"));
        RetryScheduler retryScheduler = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(retries)
                .maxRetryCount(properties.commandRetries())
                .backoffFactor(properties.commandRetryBackoff().toMillis())
                .nonTransientFailurePredicate(FulfillmentCommands::isFinal)
                .build();
        this.gateway = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retryScheduler)
                .dispatchInterceptors(interceptors)
                .build();
    }

    /** Sends the command; the future completes with its result once it succeeded or every retry failed. */
    CompletableFuture<Object> send(Object command) {
        return gateway.send(command);
    }

    /**
     * A refusal carries the receiver's details; anything else non-transient is final too, except a missing handler,
     * which in the distributed mode means the receiving service is (re)starting.
     */
    static boolean isFinal(Throwable failure) {
        if (failure instanceof CommandExecutionException refusal
                && refusal.getDetails().isPresent()) {
            return true;
        }
        Predicate<Throwable> nonTransient =
                cause -> cause instanceof AxonNonTransientException && !(cause instanceof NoHandlerForCommandException);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (nonTransient.test(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }
}
