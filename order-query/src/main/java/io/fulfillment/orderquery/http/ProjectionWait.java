package io.fulfillment.orderquery.http;

import io.fulfillment.chassis.correlation.Correlation;
import io.fulfillment.chassis.problem.Refusals;
import io.fulfillment.contracts.kernel.ErrorKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for an order just placed: the read side learns of an order a moment after the command side accepted
 * it (202), so a lookup that finds nothing is asked again, with growing pauses, for up to
 * {@code fulfillment.order-query.not-found-wait} before it answers 404. The wait is bounded and costs no thread while
 * it waits; an order that really does not exist is a 404 after that time.
 */
@Component
class ProjectionWait {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);

    private final OrderReadProperties properties;

    ProjectionWait(OrderReadProperties properties) {
        this.properties = properties;
    }

    <T> CompletableFuture<T> untilFound(Supplier<CompletableFuture<T>> lookup) {
        long deadline = System.nanoTime() + properties.notFoundWait().toNanos();
        return attempt(Correlation.capture(), lookup, deadline, FIRST_PAUSE);
    }

    private <T> CompletableFuture<T> attempt(
            Correlation correlation, Supplier<CompletableFuture<T>> lookup, long deadline, Duration pause) {
        return lookup.get().exceptionallyCompose(failure -> {
            if (!isNotFound(failure) || System.nanoTime() + pause.toNanos() > deadline) {
                return CompletableFuture.failedFuture(failure);
            }
            Executor later = CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS);
            Duration next = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            return CompletableFuture.runAsync(() -> {}, later)
                    .thenCompose(correlation.function(ignored -> attempt(correlation, lookup, deadline, next)));
        });
    }

    private static boolean isNotFound(Throwable failure) {
        return Refusals.find(failure)
                .filter(details -> details.kind() == ErrorKind.NOT_FOUND)
                .isPresent();
    }
}
