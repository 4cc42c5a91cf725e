package io.fulfillment.chassis.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 *
 * <p><b>Batching window.</b> A processor whose work is not on an order's path (a projection) can take its signal late:
 * {@link #signallingAfter(Duration)} gives a view of this source whose streams hear of new events that long after the
 * first of them was committed, so the processor reads everything committed meanwhile as one batch instead of a batch
 * per event. A processor that is behind does not wait: its coordinator reads on while events are there and asks for a
 * signal only once it has caught up. At low rates that turns a transaction, token update and read-model write per
 * event into one per window; the read model shows a change up to the window later.
 */
public final class CommitSignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommitSignallingEventSource.class);

    private final EmbeddedEventStore store;
    private final Signals signals;
    private final Duration window;

    public CommitSignallingEventSource(EmbeddedEventStore store) {
        this(store, new Signals(store), Duration.ZERO);
    }

    private CommitSignallingEventSource(EmbeddedEventStore store, Signals signals, Duration window) {
        this.store = store;
        this.signals = signals;
        this.window = window;
    }

    /**
     * This source, with streams that signal new events {@code window} after the first of them (see above); it shares
     * this source's signalling thread.
     */
    public CommitSignallingEventSource signallingAfter(Duration window) {
        return new CommitSignallingEventSource(store, signals, window);
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

    /** Stops the signalling threads; streams already handed out keep working and fall back to polling. */
    public void close() {
        signals.close();
    }

    /** The callbacks of every stream of one store, and the threads that run them; shared by the windowed views. */
    private static final class Signals {

        private final EmbeddedEventStore store;
        private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
        private final AtomicBoolean started = new AtomicBoolean();
        private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "event-availability-late-signal");
            thread.setDaemon(true);
            return thread;
        });
        private volatile boolean closed;

        Signals(EmbeddedEventStore store) {
            this.store = store;
        }

        void close() {
            closed = true;
            late.shutdownNow();
        }

        void register(Runnable callback) {
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

        void unregister(Runnable callback) {
            callbacks.remove(callback);
        }

        /** Runs {@code callback} {@code window} from now, unless {@code pending} says a run is already due. */
        void runLate(Runnable callback, Duration window, AtomicBoolean pending) {
            if (closed || !pending.compareAndSet(false, true)) {
                return;
            }
            late.schedule(
                    () -> {
                        pending.set(false);
                        callback.run();
                    },
                    window.toNanos(),
                    TimeUnit.NANOSECONDS);
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
    }

    /** One processor's stream: the store's own, plus the callback registration the store's streams lack. */
    private final class SignalledStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private final AtomicBoolean signalPending = new AtomicBoolean();
        private Runnable callback;

        private SignalledStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            // one late signal per window: events committed while one is pending ride along with it
            this.callback = window.isZero() ? callback : () -> signals.runLate(callback, window, signalPending);
            signals.register(this.callback);
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
                signals.unregister(callback);
            }
            delegate.close();
        }
    }
}
