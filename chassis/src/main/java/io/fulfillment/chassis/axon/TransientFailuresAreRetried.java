package io.fulfillment.chassis.axon;

import org.axonframework.common.AxonTransientException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The dead-letter policy of every processing group with a dead-letter queue: a failure a second attempt can cure is
 * not parked.
 *
 * <p>A handler that sends a command inside a processor's batch holds the aggregate's lock until the batch ends, so two
 * batches can each hold a lock the other needs; Axon then fails one command with a {@code DeadlockException}. An
 * aggregate conflict ({@code ConcurrencyException}) is the same kind of failure: Axon marks both
 * {@link AxonTransientException}. Parked, such an event waits for a person, although nothing is wrong with it: seen in
 * the crash run, where {@code payment-psp} parked the recording of an approved charge and the payment, cancelled by the
 * saga's deadline meanwhile, kept the customer's money. So while a processor's batch handles the event, a transient
 * failure is thrown on: the batch rolls back (releasing its locks and its token update) and the processor tries it again
 * from the same position after its back-off. While a dead letter is retried (an operator, a scheduled round), a
 * transient failure leaves it in the queue for the next try. Every other failure is parked, as Axon does by default.
 */
public final class TransientFailuresAreRetried implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (!isTransient(cause)) {
            return Decisions.enqueue(cause);
        }
        if (inProcessorBatch()) {
            throw new TransientHandlerFailure(cause);
        }
        return Decisions.requeue(cause);
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AxonTransientException) {
                return true;
            }
        }
        return false;
    }

    private static boolean inProcessorBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork;
    }

    /** Rolls the batch back, so the processor handles the event again instead of parking it. */
    static final class TransientHandlerFailure extends RuntimeException {

        TransientHandlerFailure(Throwable cause) {
            super("a transient failure, retried with the batch instead of dead-lettered: " + cause, cause);
        }
    }
}
