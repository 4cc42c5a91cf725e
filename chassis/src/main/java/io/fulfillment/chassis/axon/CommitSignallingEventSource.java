package io.fulfillment.chassis.axon;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded event store as a message source whose streams tell a pooled streaming processor the moment new events
 * are there, instead of leaving it to poll.
 *
 * <p>A pooled streaming processor's coordinator asks its event stream for an "events available" callback. The streams
 * of Axon's {@link EmbeddedEventStore} offer none, so the coordinator falls back to looking again every 500 ms. Every
 * hop of a flow (event → saga → command → event → next handler) then waits 250 ms on average: measured as a 2-second
 * floor between placing an order and its confirmation at one order in flight, with the CPU idle.
 *
 * <p>This source hands out the store's own streams, wrapped so that they accept the callback. One daemon thread
 * tails the store's event cache (the same cache the processors' tailing streams read) and runs every registered
 * callback as soon as the store has fetched newly committed events; the coordinators then read those events from
 * their own streams. If that thread stops working, each processor still looks again on its own within its token
 * claim interval.
 */
public final class CommitSignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommitSignallingEventSource.class);

    private final EmbeddedEventStore store;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;

    public CommitSignallingEventSource(EmbeddedEventStore store) {
        this.store = store;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new SignalledStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    /** Stops the signalling thread; streams already handed out keep working and fall back to polling. */
    public void close() {
        closed = true;
    }

    private void register(Runnable callback) {
        callbacks.add(callback);
        if (started.compareAndSet(false, true)) {
            // the head is taken here, before the caller looks for events, so nothing committed after it goes
            // unsignalled
            TrackingToken head = store.createHeadToken();
            Thread signaller = new Thread(() -> signalNewEvents(head), "event-availability-signal");
            signaller.setDaemon(true);
            signaller.start();
        }
    }

    private void signalNewEvents(TrackingToken start) {
        TrackingToken from = start;
        while (!closed) {
            try (TrackingEventStream events = store.openStream(from)) {
                while (!closed) {
                    if (events.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (events.hasNextAvailable()) {
                            events.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("Tailing the event store failed; processors poll until it is reopened in a second", e);
                if (!pause()) {
                    return;
                }
                from = store.createHeadToken();
            }
        }
    }

    private static boolean pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One processor's stream: the store's own, plus the callback registration the store's streams lack. */
    private final class SignalledStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private Runnable callback;

        private SignalledStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            register(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
