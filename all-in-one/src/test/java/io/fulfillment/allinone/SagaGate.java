package io.fulfillment.allinone;

import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Holds the fulfillment saga right before it handles {@code ShipmentScheduledEvent} of an order shipped to
 * {@link #HELD_RECIPIENT}, so a test can act while that order is paid but not yet confirmed. Everything else passes.
 *
 * <p>A hold that outlasts {@link #HOLD_LIMIT} lets the saga go on (so the rest of the shared context is not stuck), but
 * it is a test that closed the gate and never opened it: the next {@link #open()} fails with that, so the test that
 * forgot does not pass quietly half a minute later.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SagaGate implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String HELD_RECIPIENT = "Held Before Confirmation";
    static final Duration HOLD_LIMIT = Duration.ofSeconds(30);
    private static final String SAGA_PROCESSOR = "OrderFulfillmentSagaProcessor";

    private final Duration holdLimit;
    private final AtomicReference<AssertionError> expiredHold = new AtomicReference<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public SagaGate() {
        this(HOLD_LIMIT);
    }

    SagaGate(Duration holdLimit) {
        this.holdLimit = holdLimit;
    }

    @Autowired
    void register(EventProcessingConfigurer configurer) {
        configurer.registerHandlerInterceptor(SAGA_PROCESSOR, configuration -> this);
    }

    void close() {
        expiredHold.set(null);
        gate = new CountDownLatch(1);
    }

    /**
     * Lets the held saga go on.
     *
     * @throws AssertionError when a hold since the last {@link #close()} ran out before this call
     */
    void open() {
        gate.countDown();
        AssertionError expired = expiredHold.getAndSet(null);
        if (expired != null) {
            throw expired;
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ShipmentScheduledEvent scheduled
                && HELD_RECIPIENT.equals(scheduled.address().recipient())
                && !gate.await(holdLimit.toMillis(), TimeUnit.MILLISECONDS)) {
            expiredHold.compareAndSet(
                    null,
                    new AssertionError("the saga gate was closed and not opened within " + holdLimit
                            + ": the saga of order " + scheduled.orderId() + " went on by itself"));
        }
        return chain.proceed();
    }
}
