package io.fulfillment.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.benchmarks.OrderLoad.Outcome;
import io.fulfillment.contracts.order.OrderStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sees orders of a remote deployment reach a terminal status through the API only, with no hook in the process: either
 * the order's status stream ({@code GET /orders/{id}/stream}, Server-Sent Events: the read model's change is pushed, so
 * the terminal instant is when its event arrives) or polling {@code GET /orders/{id}} every {@code interval} (the
 * terminal instant is when the first answer saying so arrives: late by up to one interval plus a round trip). Until the
 * order-query read model knows a new order, both answer 404; the watcher asks again every {@code interval}.
 */
final class RemoteTerminals extends OrderLoad.Terminals {

    enum Watch {
        SSE,
        POLL
    }

    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "remote-terminals");
        thread.setDaemon(true);
        return thread;
    });

    private final GatewayClient gateway;
    private final Watch watch;
    private final Duration interval;
    private final LongAdder notYetVisible = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder abandoned = new LongAdder();
    /** When the last poll about each order was sent; the gaps between polls are the real resolution. */
    private final Map<String, Long> lastPollSent = new ConcurrentHashMap<>();

    private final LongAdder pollGapNanos = new LongAdder();
    private final LongAdder pollGaps = new LongAdder();
    private final LongAccumulator longestPollGapNanos = new LongAccumulator(Math::max, 0);

    RemoteTerminals(GatewayClient gateway, Watch watch, Duration interval) {
        this.gateway = gateway;
        this.watch = watch;
        this.interval = interval;
    }

    /** How the terminal instant is observed, and so how precise the latencies are. */
    String resolution() {
        return switch (watch) {
            case SSE ->
                "terminal status pushed over SSE (GET /orders/{id}/stream; no polling once the stream is open;"
                        + " a stream answered 404 because the read model does not know the order yet is reopened every "
                        + interval.toMillis() + " ms)";
            case POLL ->
                "GET /orders/{id} polled every " + interval.toMillis() + " ms after each answer: a terminal status is"
                        + " seen up to one interval plus a round trip (plus any 429 back-off) after the read model has"
                        + " it";
        };
    }

    /**
     * Counters of the watching: answers that did not know the order yet, failed requests by status, orders given up
     * on, and how far apart the polls of one order really were (the interval, plus round trips and 429 back-offs).
     */
    String counters() {
        String counted = String.format(
                "%d not-yet-visible answers (404), failed watch requests: %s, %d orders given up on",
                notYetVisible.sum(), failures.isEmpty() ? "none" : new TreeMap<>(failures), abandoned.sum());
        if (pollGaps.sum() == 0) {
            return counted;
        }
        return String.format(
                "%s; polls of one order were sent %.1f ms apart on average, at most %.1f ms (this, not the interval,"
                        + " bounds the latency's error)",
                counted, pollGapNanos.sum() / 1e6 / pollGaps.sum(), longestPollGapNanos.get() / 1e6);
    }

    @Override
    void follow(String orderId, long placedAt, Runnable callback) {
        placedNanos.put(orderId, placedAt);
        Runnable once = once(callback);
        long giveUpAt = System.nanoTime() + GIVE_UP_NANOS;
        switch (watch) {
            case SSE -> stream(orderId, giveUpAt, once);
            case POLL -> poll(orderId, giveUpAt, once);
        }
    }

    private void stream(String orderId, long giveUpAt, Runnable callback) {
        gateway.stream("/orders/" + orderId + "/stream", line -> {
                    if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        seen(orderId, now, statusOf(line.substring("data:".length())), callback);
                    }
                })
                .whenComplete((response, failure) -> {
                    if (outcomes.containsKey(orderId)) {
                        return;
                    }
                    // a 200 stream that ended without a terminal status timed out on the server: open it again
                    if (failure != null || response.status() != 200) {
                        unanswered(response, failure);
                    }
                    again(orderId, giveUpAt, callback, this::stream);
                });
    }

    private void poll(String orderId, long giveUpAt, Runnable callback) {
        long sent = System.nanoTime();
        Long previous = lastPollSent.put(orderId, sent);
        if (previous != null) {
            pollGapNanos.add(sent - previous);
            pollGaps.increment();
            longestPollGapNanos.accumulate(sent - previous);
        }
        gateway.send("GET", "/orders/" + orderId, null).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            if (failure == null && response.status() == 200) {
                seen(orderId, now, response.body().path("status").asText(), callback);
                if (outcomes.containsKey(orderId)) {
                    lastPollSent.remove(orderId);
                    return;
                }
            } else {
                unanswered(response, failure);
            }
            again(orderId, giveUpAt, callback, this::poll);
        });
    }

    private interface Watcher {
        void watch(String orderId, long giveUpAt, Runnable callback);
    }

    private void again(String orderId, long giveUpAt, Runnable callback, Watcher watcher) {
        if (System.nanoTime() > giveUpAt) {
            abandoned.increment();
            callback.run();
        } else {
            TIMER.schedule(() -> watcher.watch(orderId, giveUpAt, callback), interval.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void unanswered(Http.Response response, Throwable failure) {
        if (failure == null && response.status() == 404) {
            notYetVisible.increment();
        } else {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            String what = cause == null
                    ? Integer.toString(response.status())
                    : cause.getClass().getSimpleName();
            failures.computeIfAbsent(what, key -> new LongAdder()).increment();
        }
    }

    private void seen(String orderId, long now, String status, Runnable callback) {
        if (isTerminal(status) && outcomes.putIfAbsent(orderId, new Outcome(now, status)) == null) {
            callback.run();
        }
    }

    private static boolean isTerminal(String status) {
        try {
            return OrderStatus.valueOf(status).isTerminal();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static String statusOf(String json) {
        try {
            JsonNode summary = Http.JSON.readTree(json);
            return summary.path("status").asText();
        } catch (IOException notJson) {
            return "";
        }
    }

    private static Runnable once(Runnable callback) {
        AtomicBoolean ran = new AtomicBoolean();
        return () -> {
            if (ran.compareAndSet(false, true)) {
                callback.run();
            }
        };
    }
}
