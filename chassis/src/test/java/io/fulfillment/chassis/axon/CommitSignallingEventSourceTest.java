package io.fulfillment.chassis.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitSignallingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final CommitSignallingEventSource source = new CommitSignallingEventSource(store);

    @AfterEach
    void shutDown() {
        source.close();
        store.shutDown();
    }

    @Test
    void theEmbeddedStoresOwnStreamsOfferNoCallbackWhichIsWhyThisSourceExists() {
        try (TrackingEventStream plain = store.openStream(null)) {
            assertThat(plain.setOnAvailableCallback(() -> {})).isFalse();
        }
    }

    @Test
    void runsTheCallbackOnceACommittedEventIsThereAndTheStreamThenHasIt() throws InterruptedException {
        AtomicInteger signals = new AtomicInteger();
        try (TrackingEventStream stream = source.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(signals::incrementAndGet)).isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();

            store.publish(GenericEventMessage.asEventMessage("first"));

            await().atMost(Duration.ofSeconds(5)).until(() -> signals.get() > 0);
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        }
    }

    @Test
    void aClosedStreamIsNoLongerSignalled() {
        AtomicInteger closedSignals = new AtomicInteger();
        AtomicInteger openSignals = new AtomicInteger();
        TrackingEventStream closed = source.openStream(null);
        closed.setOnAvailableCallback(closedSignals::incrementAndGet);
        closed.close();
        try (TrackingEventStream open = source.openStream(null)) {
            open.setOnAvailableCallback(openSignals::incrementAndGet);

            store.publish(GenericEventMessage.asEventMessage("after close"));

            await().atMost(Duration.ofSeconds(5)).until(() -> openSignals.get() > 0);
            assertThat(closedSignals).hasValue(0);
        }
    }

    @Test
    void aStreamWithABatchingWindowHearsOnceOfEverythingCommittedWithinIt() throws InterruptedException {
        AtomicInteger immediateSignals = new AtomicInteger();
        AtomicInteger lateSignals = new AtomicInteger();
        try (TrackingEventStream immediate = source.openStream(null);
                BlockingStream<TrackedEventMessage<?>> late =
                        source.signallingAfter(Duration.ofSeconds(3)).openStream(null)) {
            immediate.setOnAvailableCallback(immediateSignals::incrementAndGet);
            late.setOnAvailableCallback(lateSignals::incrementAndGet);

            for (int event = 1; event <= 3; event++) {
                store.publish(GenericEventMessage.asEventMessage("event " + event));
                int signalled = event;
                // the signalling thread has seen this commit: the immediate stream heard of it on its own
                await().atMost(Duration.ofSeconds(2)).until(() -> immediateSignals.get() >= signalled);
            }
            assertThat(lateSignals).as("no signal before the window has passed").hasValue(0);

            await().atMost(Duration.ofSeconds(10)).until(() -> lateSignals.get() > 0);
            assertThat(lateSignals).as("one signal for the three commits").hasValue(1);
            for (int event = 1; event <= 3; event++) {
                assertThat(late.hasNextAvailable()).isTrue();
                assertThat(late.nextAvailable().getPayload()).isEqualTo("event " + event);
            }
        }
    }
}
