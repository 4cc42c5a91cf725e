package io.fulfillment.chassis.admin;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/** Reads and steers the application's event processors and their dead-letter queues. */
class EventProcessorAdmin {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    EventProcessorAdmin(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    List<ProcessorStatus> processors() {
        Long head = headPosition();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> statusOf(processor, head))
                .toList();
    }

    ProcessorStatus processor(String name) {
        return statusOf(find(name), headPosition());
    }

    /** Stops the processor, resets its tokens (the projection's reset handler clears its read model) and restarts it. */
    void replay(String name) {
        EventProcessor processor = find(name);
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw new ReplayNotSupportedException(name);
        }
        streaming.shutDown();
        streaming.resetTokens();
        streaming.start();
    }

    List<DeadLetterView> deadLetters() {
        return processing.eventProcessors().keySet().stream()
                .sorted()
                .flatMap(group -> processing.deadLetterQueue(group).stream()
                        .map(queue -> viewOf(group, queue, processing.sequencingPolicy(group))))
                .toList();
    }

    /** Retries the oldest dead-lettered sequence of the group; true when one was processed successfully. */
    boolean retry(String group) {
        return processing
                .sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new UnknownProcessorException("dead-letter queue " + group))
                .processAny();
    }

    void evict(String group, String messageId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(group);
        DeadLetter<? extends EventMessage<?>> letter = StreamSupport.stream(
                        queue.deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                .filter(candidate -> candidate.message().getIdentifier().equals(messageId))
                .findFirst()
                .orElseThrow(() -> new UnknownProcessorException("dead letter " + messageId + " in " + group));
        queue.evict(letter);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String group) {
        return processing
                .deadLetterQueue(group)
                .orElseThrow(() -> new UnknownProcessorException("dead-letter queue " + group));
    }

    private EventProcessor find(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw new UnknownProcessorException("event processor " + name);
        }
        return processor;
    }

    private Long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? null : boxed(head.position());
    }

    private static ProcessorStatus statusOf(EventProcessor processor, Long head) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(
                    processor.getName(),
                    processor.isError()
                            ? ProcessorStatus.State.ERROR
                            : processor.isRunning() ? ProcessorStatus.State.CAUGHT_UP : ProcessorStatus.State.STOPPED,
                    processor.isRunning(),
                    processor.isError(),
                    false,
                    true,
                    false,
                    0,
                    null,
                    head,
                    null,
                    null);
        }
        Collection<EventTrackerStatus> segments = streaming.processingStatus().values();
        Long position = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .min(Long::compare)
                .orElse(null);
        boolean replaying = segments.stream().anyMatch(EventProcessorAdmin::isStillReplaying);
        Long lag = head == null ? null : head - (position == null ? -1 : position);
        boolean caughtUp = (!segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp))
                || (lag != null && lag <= 0);
        ProcessorStatus.State state;
        if (processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState)) {
            state = ProcessorStatus.State.ERROR;
        } else if (!processor.isRunning()) {
            state = ProcessorStatus.State.STOPPED;
        } else if (replaying) {
            state = ProcessorStatus.State.REPLAYING;
        } else {
            state = caughtUp ? ProcessorStatus.State.CAUGHT_UP : ProcessorStatus.State.CATCHING_UP;
        }
        return new ProcessorStatus(
                processor.getName(),
                state,
                processor.isRunning(),
                processor.isError(),
                replaying,
                caughtUp,
                streaming.supportsReset(),
                segments.size(),
                position,
                head,
                lag,
                replaying ? replayProgress(segments, position) : null);
    }

    /**
     * Axon flags a segment as replaying until it handles an event past the position where the replay started, which on
     * a quiet system is the next new event; a segment that has reached that position has finished its replay.
     */
    private static boolean isStillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        return reset.isEmpty() || current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    private static Double replayProgress(Collection<EventTrackerStatus> segments, Long position) {
        long resetPosition = segments.stream()
                .map(EventTrackerStatus::getResetPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .max()
                .orElse(0);
        if (resetPosition <= 0 || position == null) {
            return 0.0;
        }
        return Math.min(1.0, (double) position / resetPosition);
    }

    private static DeadLetterView viewOf(
            String group,
            SequencedDeadLetterQueue<EventMessage<?>> queue,
            SequencingPolicy<? super EventMessage<?>> sequencing) {
        List<DeadLetterView.Letter> letters = StreamSupport.stream(
                        queue.deadLetters().spliterator(), false)
                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                .map(letter -> new DeadLetterView.Letter(
                        letter.message().getIdentifier(),
                        letter.message().getPayloadType().getSimpleName(),
                        letter.cause()
                                .map(cause -> cause.type() + ": " + cause.message())
                                .orElse(null),
                        letter.enqueuedAt(),
                        letter.lastTouched(),
                        String.valueOf(sequencing.getSequenceIdentifierFor(letter.message()))))
                .toList();
        return new DeadLetterView(group, queue.amountOfSequences(), letters);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
