package io.fulfillment.chassis.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationIdDispatchInterceptorTest {

    private final CorrelationIdDispatchInterceptor interceptor = new CorrelationIdDispatchInterceptor();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void stampsTheMdcIdOnMessagesWithoutOne() {
        MDC.put(CorrelationId.MDC_KEY, "req-1");
        Message<?> message = GenericMessage.asMessage("payload");

        Message<?> dispatched = interceptor.handle(List.of(message)).apply(0, message);

        assertThat(dispatched.getMetaData()).containsEntry(CorrelationId.METADATA_KEY, "req-1");
    }

    @Test
    void keepsAnIdTheMessageAlreadyCarries() {
        MDC.put(CorrelationId.MDC_KEY, "req-1");
        Message<?> message =
                GenericMessage.asMessage("payload").andMetaData(Map.of(CorrelationId.METADATA_KEY, "origin"));

        Message<?> dispatched = interceptor.handle(List.of(message)).apply(0, message);

        assertThat(dispatched.getMetaData()).containsEntry(CorrelationId.METADATA_KEY, "origin");
    }

    @Test
    void leavesMessagesAloneOutsideARequest() {
        Message<?> message = GenericMessage.asMessage("payload");

        assertThat(interceptor.handle(List.of(message)).apply(0, message)).isSameAs(message);
    }
}
