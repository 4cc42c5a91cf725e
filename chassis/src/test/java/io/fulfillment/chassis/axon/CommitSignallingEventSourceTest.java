package io.fulfillment.chassis.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
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
}
