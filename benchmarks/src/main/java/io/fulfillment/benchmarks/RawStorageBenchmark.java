package io.fulfillment.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The ceiling the pipeline runs under: the same storage engine (JPA on the embedded H2 file), the same events, no
 * handlers. Reading streams the whole store from the start; appending writes copies of the events the run produced
 * (same payloads and metadata, fresh event and aggregate ids so they do not collide with the originals).
 */
final class RawStorageBenchmark {

    record Result(String name, long events, double seconds, double eventsPerSecond) {}

    private final EventStorageEngine engine;
    private final TransactionManager transactions;

    RawStorageBenchmark(EventStorageEngine engine, TransactionManager transactions) {
        this.engine = engine;
        this.transactions = transactions;
    }

    /** Streams the whole store and keeps the events (payloads deserialized, as a handler would see them). */
    List<EventMessage<?>> readAll(List<Result> results) {
        List<EventMessage<?>> events = new ArrayList<>();
        long start = System.nanoTime();
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            stream.forEach(event -> {
                event.getPayload();
                events.add(event);
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results.add(new Result(
                "raw read (stream from tail, payloads deserialized)", events.size(), seconds, events.size() / seconds));
        return events;
    }

    Result appendOnePerTransaction(List<EventMessage<?>> events, int threads) throws Exception {
        List<EventMessage<?>> copies = copies(events, "raw1-");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            int slice = (copies.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<EventMessage<?>> part =
                        copies.subList(Math.min(copies.size(), t * slice), Math.min(copies.size(), (t + 1) * slice));
                parts.add(pool.submit(() -> part.forEach(
                        event -> transactions.executeInTransaction(() -> engine.appendEvents(List.of(event))))));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(
                    "raw append, 1 event per transaction, " + threads + " threads",
                    copies.size(),
                    seconds,
                    copies.size() / seconds);
        } finally {
            pool.shutdown();
        }
    }

    Result appendBatched(List<EventMessage<?>> events, int batchSize) {
        List<EventMessage<?>> copies = copies(events, "rawb-");
        long start = System.nanoTime();
        for (int from = 0; from < copies.size(); from += batchSize) {
            List<EventMessage<?>> batch = copies.subList(from, Math.min(copies.size(), from + batchSize));
            transactions.executeInTransaction(() -> engine.appendEvents(batch));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(
                "raw append, " + batchSize + " events per transaction, 1 thread",
                copies.size(),
                seconds,
                copies.size() / seconds);
    }

    private static List<EventMessage<?>> copies(List<EventMessage<?>> events, String prefix) {
        return events.stream()
                .<EventMessage<?>>map(event -> copy(event, prefix))
                .toList();
    }

    private static EventMessage<?> copy(EventMessage<?> event, String prefix) {
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            return new GenericDomainEventMessage<>(
                    domain.getType(),
                    prefix + domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(),
                    domain.getPayload(),
                    domain.getMetaData(),
                    UUID.randomUUID().toString(),
                    domain.getTimestamp());
        }
        return new GenericEventMessage<>(
                UUID.randomUUID().toString(), event.getPayload(), event.getMetaData(), event.getTimestamp());
    }
}
