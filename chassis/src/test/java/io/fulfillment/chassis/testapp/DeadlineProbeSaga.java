package io.fulfillment.chassis.testapp;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.chassis.testapp.ProbeMessages.DeadlineRequestedEvent;
import io.fulfillment.chassis.testapp.ProbeMessages.FiredDeadline;
import io.fulfillment.chassis.testapp.ProbeMessages.ProbeDeadline;
import io.fulfillment.contracts.order.OrderId;
import java.time.Instant;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.MDC;

/** Schedules one durable deadline and reports it to the {@link DeadlineProbe} when it fires. */
@Saga
@JsonAutoDetect(fieldVisibility = ANY)
public class DeadlineProbeSaga {

    static final String ORDER_ID = "orderId";
    static final String DEADLINE = "probe-deadline";

    private OrderId orderId;
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(DeadlineRequestedEvent event, @Timestamp Instant requestedAt, DeadlineManager deadlineManager) {
        orderId = event.orderId();
        deadlineId = deadlineManager.schedule(
                event.fireAt(), DEADLINE, new ProbeDeadline(event.orderId(), requestedAt, event.fireAt()));
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void on(ProbeDeadline deadline, DeadlineProbe probe) {
        probe.record(new FiredDeadline(orderId, deadline, MDC.get(CorrelationId.MDC_KEY), Instant.now()));
        SagaLifecycle.end();
    }
}
