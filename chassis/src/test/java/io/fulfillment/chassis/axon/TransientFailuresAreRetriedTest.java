package io.fulfillment.chassis.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Axon's dead-lettering invoker with this policy, over Axon's in-memory queue, as a processor's batch calls it. */
class TransientFailuresAreRetriedTest {

    /** What the handler does with the next event: nothing, or throw this. */
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> queue =
            InMemorySequencedDeadLetterQueue.defaultQueue();

    private final DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
            .eventHandlers(new Handler())
            .queue(queue)
            .enqueuePolicy(new TransientFailuresAreRetried())
            .transactionManager(NoTransactionManager.instance())
            .build();

    class Handler {
        @EventHandler
        void on(String event) {
            RuntimeException next = failure.get();
            if (next != null) {
                throw next;
            }
        }
    }

    @AfterEach
    void noUnitOfWorkLeft() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void rollsTheBatchBackOnADeadlockInsteadOfParkingTheEvent() {
        failure.set(new DeadlockException("payment-1 is locked by the saga's batch, which waits for payment-2"));

        assertThatThrownBy(() -> handleInABatch("charge approved"))
                .isInstanceOf(TransientFailuresAreRetried.TransientHandlerFailure.class)
                .hasRootCauseInstanceOf(DeadlockException.class);
        assertThat(queue.amountOfSequences()).isZero();
    }

    @Test
    void rollsTheBatchBackOnAnAggregateConflictFoundAnywhereInTheCauses() {
        failure.set(new IllegalStateException(
                "command failed", new ConcurrencyException("sequence 3 of payment-1 is taken")));

        assertThatThrownBy(() -> handleInABatch("charge approved"))
                .isInstanceOf(TransientFailuresAreRetried.TransientHandlerFailure.class);
        assertThat(queue.amountOfSequences()).isZero();
    }

    @Test
    void parksEveryOtherFailureAsAxonDoes() throws Exception {
        failure.set(new IllegalStateException("the provider refused the refund"));

        handleInABatch("refund requested");

        assertThat(queue.amountOfSequences()).isEqualTo(1);
    }

    @Test
    void keepsADeadLetterInTheQueueWhenItsRetryFailsTransiently() throws Exception {
        failure.set(new IllegalStateException("the provider refused the refund"));
        handleInABatch("refund requested");
        failure.set(new DeadlockException("payment-1 is locked"));

        boolean processed = invoker.processAny();

        assertThat(processed).isFalse();
        assertThat(queue.amountOfSequences()).isEqualTo(1);
        assertThat(queue.deadLetters().iterator().next().iterator().next().cause())
                .hasValueSatisfying(cause -> assertThat(cause.type()).isEqualTo(DeadlockException.class.getName()));

        failure.set(null);
        assertThat(invoker.processAny()).isTrue();
        assertThat(queue.amountOfSequences()).isZero();
    }

    private void handleInABatch(String payload) throws Exception {
        List<EventMessage<?>> batch = List.of(GenericEventMessage.asEventMessage(payload));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> {
            invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
        if (unitOfWork.getExecutionResult().isExceptionResult()) {
            throw (Exception) unitOfWork.getExecutionResult().getExceptionResult();
        }
    }
}
