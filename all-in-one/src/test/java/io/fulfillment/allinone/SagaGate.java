package io.fulfillment.allinone;

import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 */
@TestConfiguration(proxyBeanMethods = false)
public class SagaGate implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String HELD_RECIPIENT = "Held Before Confirmation";
    private static final String SAGA_PROCESSOR = "OrderFulfillmentSagaProcessor";

    private volatile CountDownLatch gate = new CountDownLatch(0);

    @Autowired
    void register(EventProcessingConfigurer configurer) {
        configurer.registerHandlerInterceptor(SAGA_PROCESSOR, configuration -> this);
    }

    void close() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ShipmentScheduledEvent scheduled
                && HELD_RECIPIENT.equals(scheduled.address().recipient())) {
            gate.await(30, TimeUnit.SECONDS);
        }
        return chain.proceed();
    }
}
