package io.fulfillment.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Rebuilds the order projections through the admin API ({@code POST /admin/processors/{name}/replay}) and times each
 * until its replay progress reaches 1. Progress is polled every 10 ms: the poll bounds the error of a replay that
 * takes seconds, and nothing else runs meanwhile.
 */
final class ReplayBenchmark {

    static final List<String> ORDER_PROJECTIONS = List.of("order-summary", "order-timeline");

    record Result(String processor, long events, double seconds, double eventsPerSecond) {}

    private final Http http;
    private final String backendUrl;

    ReplayBenchmark(Http http, String backendUrl) {
        this.http = http;
        this.backendUrl = backendUrl;
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
        long start = System.nanoTime();
        JsonNode status = http.call("POST", backendUrl + "/admin/processors/" + processor + "/replay", Map.of(), null)
                .body();
        while (true) {
            status = http.call("GET", backendUrl + "/admin/processors/" + processor, null, null)
                    .body();
            // a reset processor reads CATCHING_UP until it claims its segments, then REPLAYING, then CAUGHT_UP
            if ("CAUGHT_UP".equals(status.path("state").asText())) {
                break;
            }
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("replay of " + processor + " not done in 10 minutes: " + status);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(processor, eventsInStore, seconds, eventsInStore / seconds);
    }
}
