package io.fulfillment.chassis.correlation;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;

/**
 * Stamps the MDC's correlation id on every outgoing command, query, event or deadline that has none yet: the bridge
 * from an HTTP request (or a handler whose MDC was set from its message) into Axon message metadata.
 */
class CorrelationIdDispatchInterceptor implements MessageDispatchInterceptor<Message<?>> {

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        return (index, message) -> {
            if (message.getMetaData().containsKey(CorrelationId.METADATA_KEY)) {
                return message;
            }
            String correlationId = MDC.get(CorrelationId.MDC_KEY);
            return correlationId == null
                    ? message
                    : message.andMetaData(Map.of(CorrelationId.METADATA_KEY, correlationId));
        };
    }
}
