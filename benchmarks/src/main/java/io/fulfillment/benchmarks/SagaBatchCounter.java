package io.fulfillment.benchmarks;

import java.util.concurrent.atomic.LongAdder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts the events an event processor hands its handlers and the units of work they come in. A streaming processor
 * runs one unit of work per batch (a {@code BatchingUnitOfWork} whose messages are the batch) and calls its
 * interceptors once per event of it, so events ÷ units of work is the mean batch size.
 */
final class SagaBatchCounter implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String COUNTED = SagaBatchCounter.class.getName() + ".counted";

    private final LongAdder events = new LongAdder();
    private final LongAdder unitsOfWork = new LongAdder();

    long events() {
        return events.sum();
    }

    long unitsOfWork() {
        return unitsOfWork.sum();
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        events.increment();
        if (unitOfWork.resources().putIfAbsent(COUNTED, Boolean.TRUE) == null) {
            unitsOfWork.increment();
        }
        return chain.proceed();
    }
}
