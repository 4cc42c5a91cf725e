package io.fulfillment.chassis.correlation;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The correlation id of the request or message this thread works for, captured to be carried into work that runs
 * later on another thread.
 *
 * <p>While a request or a message is handled, the MDC holds its correlation id ({@link CorrelationIdFilter},
 * {@link CorrelationIdMdcInterceptor}) and the dispatch interceptor copies it from there into every message sent. A
 * continuation of a future ({@code thenCompose}, {@code whenComplete}, …) or a task handed to an executor runs on
 * whichever thread completes the future — in the distributed mode an Axon Server connector thread — whose MDC belongs
 * to nobody: a command sent there would carry no correlation id, and a log line none either. So capture the
 * correlation where the work starts and wrap each continuation in it (one method per functional type):
 *
 * <pre>{@code
 * Correlation correlation = Correlation.capture();
 * return queries.query(query, type).thenCompose(correlation.function(catalogue -> commands.send(command(catalogue))));
 * }</pre>
 *
 * A wrapped piece of work runs with the captured id in the MDC and restores the thread's own afterwards.
 */
public final class Correlation {

    private final String id;

    private Correlation(String id) {
        this.id = id;
    }

    /** The correlation of the request or message this thread is working for now (possibly none). */
    public static Correlation capture() {
        return new Correlation(MDC.get(CorrelationId.MDC_KEY));
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public <T, R> Function<T, R> function(Function<T, R> function) {
        return argument -> within(() -> function.apply(argument));
    }

    public <T, U> BiConsumer<T, U> biConsumer(BiConsumer<T, U> consumer) {
        return (first, second) -> within(() -> {
            consumer.accept(first, second);
            return null;
        });
    }

    public <T> Consumer<T> consumer(Consumer<T> consumer) {
        return argument -> within(() -> {
            consumer.accept(argument);
            return null;
        });
    }

    public <T> Callable<T> callable(Callable<T> callable) {
        return () -> {
            String previous = enter();
            try {
                return callable.call();
            } finally {
                leave(previous);
            }
        };
    }

    public Runnable runnable(Runnable runnable) {
        return () -> within(() -> {
            runnable.run();
            return null;
        });
    }

    private <T> T within(Supplier<T> work) {
        String previous = enter();
        try {
            return work.get();
        } finally {
            leave(previous);
        }
    }

    private String enter() {
        String previous = MDC.get(CorrelationId.MDC_KEY);
        if (id == null) {
            MDC.remove(CorrelationId.MDC_KEY);
        } else {
            MDC.put(CorrelationId.MDC_KEY, id);
        }
        return previous;
    }

    private static void leave(String previous) {
        if (previous == null) {
            MDC.remove(CorrelationId.MDC_KEY);
        } else {
            MDC.put(CorrelationId.MDC_KEY, previous);
        }
    }
}
