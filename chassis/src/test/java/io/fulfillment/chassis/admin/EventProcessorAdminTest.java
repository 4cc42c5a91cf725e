package io.fulfillment.chassis.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

class EventProcessorAdminTest {

    private static final String PROJECTION = "order-summary";
    private static final long HEAD = 41;

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final EventProcessorAdmin admin = new EventProcessorAdmin(processing, eventStore);

    @Test
    void aReplayThatReachedItsStartOnAQuietSystemReadsCaughtUp() {
        running(segment(true, HEAD, HEAD, true));

        ProcessorStatus status = admin.processor(PROJECTION);

        assertThat(status.state()).isEqualTo(ProcessorStatus.State.CAUGHT_UP);
        assertThat(status.replaying()).isFalse();
        assertThat(status.replayProgress()).isNull();
        assertThat(status.lag()).isZero();
    }

    @Test
    void aReplayHalfwayReadsReplayingWithItsProgress() {
        running(segment(true, 20, HEAD, false));

        ProcessorStatus status = admin.processor(PROJECTION);

        assertThat(status.state()).isEqualTo(ProcessorStatus.State.REPLAYING);
        assertThat(status.replaying()).isTrue();
        assertThat(status.replayProgress()).isEqualTo(20.0 / HEAD);
    }

    @Test
    void aProcessorBehindTheHeadReadsCatchingUp() {
        running(segment(false, 30, HEAD, false));

        assertThat(admin.processor(PROJECTION).state()).isEqualTo(ProcessorStatus.State.CATCHING_UP);
    }

    @Test
    void aStoppedProcessorReadsStopped() {
        EventTrackerStatus segment = segment(false, HEAD, HEAD, true);
        running(segment);
        when(processor.isRunning()).thenReturn(false);

        assertThat(admin.processor(PROJECTION).state()).isEqualTo(ProcessorStatus.State.STOPPED);
    }

    @Test
    void aSegmentInErrorReadsError() {
        EventTrackerStatus segment = segment(false, 30, HEAD, false);
        when(segment.isErrorState()).thenReturn(true);
        running(segment);

        assertThat(admin.processor(PROJECTION).state()).isEqualTo(ProcessorStatus.State.ERROR);
    }

    private void running(EventTrackerStatus segment) {
        when(processing.eventProcessors()).thenReturn(Map.of(PROJECTION, processor));
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(HEAD));
        when(processor.getName()).thenReturn(PROJECTION);
        when(processor.isRunning()).thenReturn(true);
        when(processor.supportsReset()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(Map.of(0, segment));
    }

    private static EventTrackerStatus segment(boolean replaying, long position, long resetPosition, boolean caughtUp) {
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        when(segment.isReplaying()).thenReturn(replaying);
        when(segment.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(segment.getResetPosition()).thenReturn(replaying ? OptionalLong.of(resetPosition) : OptionalLong.empty());
        when(segment.isCaughtUp()).thenReturn(caughtUp);
        return segment;
    }
}
