package io.fulfillment.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Rebuilds the order projections through the admin API ({@code POST /admin/processors/{name}/replay}) and times each
 * until the processor has caught up with the store and no segment replays any more. That is checked every 10 ms on
 * the processor itself, in this JVM: the check bounds the error of a replay that takes seconds, and costs the replay
 * nothing measurable (asking the admin API over HTTP every 10 ms took a fifth of the CPU the replay had).
 */
final class ReplayBenchmark {

    static final List<String> ORDER_PROJECTIONS = List.of("order-summary", "order-timeline");

    record Result(String processor, long events, double seconds, double eventsPerSecond) {}

    private final Http http;
    private final String backendUrl;
    private final EventProcessingConfiguration processors;

    ReplayBenchmark(Http http, String backendUrl, EventProcessingConfiguration processors) {
        this.http = http;
        this.backendUrl = backendUrl;
        this.processors = processors;
    }

    /** Waits until every processor has handled every event in the store. */
    void awaitQuiet() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            JsonNode processors = http.call("GET", backendUrl + "/admin/processors", null, null)
                    .body();
            boolean quiet = true;
            for (JsonNode processor : processors) {
                if (processor.get("lag").isNumber() && processor.get("lag").asLong() > 0) {
                    quiet = false;
                }
            }
            if (quiet) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException("processors did not catch up in 5 minutes");
    }

    Result replay(String processor, long eventsInStore) {
        StreamingEventProcessor streaming = processors
                .eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + processor));
        long start = System.nanoTime();
        http.call("POST", backendUrl + "/admin/processors/" + processor + "/replay", Map.of(), null);
        // a reset processor has no segment until it claims one, then replays, then has caught up
        while (!doneReplaying(streaming.processingStatus().values())) {
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("replay of " + processor + " not done in 10 minutes");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(processor, eventsInStore, seconds, eventsInStore / seconds);
    }

    private static boolean doneReplaying(Collection<EventTrackerStatus> segments) {
        return !segments.isEmpty() && segments.stream().allMatch(ReplayBenchmark::doneReplaying);
    }

    /**
     * A segment has replayed once it has caught up and reached the position where the replay started (in a quiet
     * store Axon keeps a segment marked as replaying until the next new event, as the admin API's state does not).
     */
    private static boolean doneReplaying(EventTrackerStatus segment) {
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        boolean pastReset = !segment.isReplaying()
                || (reset.isPresent() && current.isPresent() && current.getAsLong() >= reset.getAsLong());
        return segment.isCaughtUp() && pastReset;
    }
}
