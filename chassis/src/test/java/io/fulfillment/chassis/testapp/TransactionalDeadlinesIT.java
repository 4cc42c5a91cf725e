package io.fulfillment.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.fulfillment.chassis.testapp.ProbeMessages.DeadlineRequestedEvent;
import io.fulfillment.chassis.testapp.ProbeMessages.FiredDeadline;
import io.fulfillment.chassis.testapp.ProbeMessages.ProbeDeadline;
import io.fulfillment.contracts.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines live in the transaction of the unit of work that schedules or cancels them: Axon's deadline manager writes
 * them while the unit of work prepares its commit, on db-scheduler's transaction-aware view of the DataSource, so a
 * unit of work that fails after that leaves no trace in the deadline table.
 */
@ChassisContextTest
class TransactionalDeadlinesIT {

    private static final String NAME = "probe";
    private static final ScopeDescriptor NO_SUCH_SAGA = new SagaScopeDescriptor("DeadlineProbeSaga", "no-such-saga");

    @Autowired
    DeadlineManager deadlines;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    Scheduler scheduler;

    private String deadlineId;

    @Test
    void aDeadlineScheduledInAUnitOfWorkThatCommitsIsStored() {
        ResultMessage<?> result = inUnitOfWork(this::scheduleInAnHour);

        assertThat(result.isExceptional()).isFalse();
        assertThat(stored(deadlineId)).isTrue();
    }

    @Test
    void aDeadlineScheduledInAUnitOfWorkThatRollsBackIsNotStored() {
        ResultMessage<?> result = inUnitOfWork(() -> {
            scheduleInAnHour();
            failAfterTheDeadlineManagerWrote();
        });

        assertThat(result.exceptionResult()).hasMessageContaining("after the deadline manager wrote");
        assertThat(stored(deadlineId)).isFalse();
    }

    @Test
    void aCancellationInAUnitOfWorkThatCommitsRemovesTheDeadline() {
        inUnitOfWork(this::scheduleInAnHour);

        ResultMessage<?> result = inUnitOfWork(() -> deadlines.cancelSchedule(NAME, deadlineId));

        assertThat(result.isExceptional()).isFalse();
        assertThat(stored(deadlineId)).isFalse();
    }

    @Test
    void aCancellationInAUnitOfWorkThatRollsBackLeavesTheDeadlineStored() {
        inUnitOfWork(this::scheduleInAnHour);

        ResultMessage<?> result = inUnitOfWork(() -> {
            deadlines.cancelSchedule(NAME, deadlineId);
            failAfterTheDeadlineManagerWrote();
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(stored(deadlineId)).isTrue();
    }

    @Test
    void aDueDeadlineFiresWithinAboutASecondOfItsTime(@Autowired EventGateway events, @Autowired DeadlineProbe probe) {
        OrderId order = OrderId.of("order-prompt-deadline");

        events.publish(new DeadlineRequestedEvent(order, Instant.now().plusSeconds(1)));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> firedFor(probe, order).isPresent());
        FiredDeadline fired = firedFor(probe, order).orElseThrow();
        // polled every 500 ms (chassis-defaults.yml); the slack is for a busy two-core build machine
        assertThat(Duration.between(fired.deadline().dueAt(), fired.firedAt())).isLessThan(Duration.ofSeconds(3));
    }

    /** Runs the work in a unit of work with a database transaction, then commits it. */
    private ResultMessage<?> inUnitOfWork(Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        return unitOfWork.executeWithResult(() -> {
            work.run();
            return null;
        });
    }

    private void scheduleInAnHour() {
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        deadlineId = deadlines.schedule(
                inAnHour, NAME, new ProbeDeadline(OrderId.of("order-tx"), Instant.now(), inAnHour), NO_SUCH_SAGA);
    }

    /** Registered after the deadline manager's own prepare-commit work, so it fails once that has been written. */
    private static void failAfterTheDeadlineManagerWrote() {
        CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
            throw new IllegalStateException("the unit of work fails after the deadline manager wrote");
        });
    }

    private boolean stored(String id) {
        return scheduler.getScheduledExecution(new DbSchedulerDeadlineToken(id)).isPresent();
    }

    private static Optional<FiredDeadline> firedFor(DeadlineProbe probe, OrderId order) {
        return probe.fired().stream()
                .filter(fired -> fired.sagaOrderId().equals(order))
                .findFirst();
    }
}
