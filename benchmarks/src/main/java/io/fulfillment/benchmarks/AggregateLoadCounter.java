package io.fulfillment.benchmarks;

import java.util.concurrent.atomic.LongAdder;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Counts aggregate loads at the {@link EventStorageEngine}: calls of {@code readEvents(aggregateIdentifier)} and
 * {@code readEvents(aggregateIdentifier, firstSequenceNumber)}. The event store makes one per load, after
 * {@code readSnapshot} (whose calls would count each load again, so they are not added). A JDK proxy over the engine's
 * interfaces, so it does not care which engine (JPA, JDBC) is behind it; calls the engine makes on itself are not
 * seen, only the store's.
 */
final class AggregateLoadCounter {

    private final LongAdder loads = new LongAdder();
    private final LongAdder engines = new LongAdder();

    long loads() {
        return loads.sum();
    }

    /** How many storage engines were wrapped: none means the figures are unavailable. */
    long engines() {
        return engines.sum();
    }

    EventStorageEngine wrap(EventStorageEngine target) {
        engines.increment();
        return (EventStorageEngine) Proxies.withAllInterfaces(target, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("readEvents") && args != null && args.length > 0 && args[0] instanceof String) {
                loads.increment();
            }
            return Proxies.forward(proxy, target, method, args);
        });
    }
}
