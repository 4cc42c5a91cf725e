package io.fulfillment.order.fulfillment;

import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Reads the saga processor's position from its segments' status in this process and the store's head token. Where
 * this process holds none of the processor's segments (another instance of the service does), it cannot tell and
 * answers "handled", which is the behaviour of a plain deadline.
 */
@Component
class ProcessorSagaBacklog implements SagaBacklog {

    static final String PROCESSOR = "OrderFulfillmentSagaProcessor";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProcessorSagaBacklog(@Lazy EventProcessingConfiguration processing, @Lazy EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public OptionalLong headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    @Override
    public boolean hasHandledUpTo(long position) {
        Map<Integer, EventTrackerStatus> segments = processing
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        return segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .allMatch(current -> current.isEmpty() || current.getAsLong() >= position);
    }
}
