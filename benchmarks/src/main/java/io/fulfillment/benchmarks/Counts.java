package io.fulfillment.benchmarks;

/**
 * Counters read before and after each run; a run's figures are the differences. {@link #UNAVAILABLE} marks a counter
 * nobody can read: its component is absent from the system under test, the probes are off, or the system is a remote
 * target. {@code unavailable} is how such a figure is printed.
 *
 * @param cpuNanos CPU time of this process (system under test, load generator and HTTP client together)
 * @param events events the event store appended
 * @param commits JDBC commits: {@code Connection.commit()} calls, data-modifying statements run in auto-commit mode,
 *     and transactions with writes committed by switching auto-commit back on
 * @param writingCommits those of {@code commits} that had written something (a commit of a read-only transaction
 *     writes nothing to the file)
 * @param aggregateLoads aggregate event streams read from the storage engine ({@code readEvents(aggregateId, ...)})
 * @param readModelRequests requests sent to the read-model store (MongoDB commands other than connection housekeeping)
 * @param sagaEvents events handled by the saga's event processor
 * @param sagaBatches units of work of the saga's event processor
 * @param requests HTTP requests this benchmark sent to the API gateway
 * @param tooManyRequests of those, the ones the gateway answered 429 (each sent again after a back-off)
 * @param backOffNanos time spent waiting before sending a 429'd request again, summed over requests
 */
record Counts(
        long cpuNanos,
        long events,
        long commits,
        long writingCommits,
        long aggregateLoads,
        long readModelRequests,
        long sagaEvents,
        long sagaBatches,
        long requests,
        long tooManyRequests,
        long backOffNanos,
        String unavailable) {

    static final long UNAVAILABLE = -1;

    /** The system in this JVM, without probes: CPU time, events, and what the HTTP client counts. */
    static Counts local(long cpuNanos, long events, GatewayClient client) {
        return withoutProbes(cpuNanos, events, client, "n/a");
    }

    /** A deployment measured from outside: only what the HTTP client itself counts. */
    static Counts remote(GatewayClient client) {
        return withoutProbes(UNAVAILABLE, UNAVAILABLE, client, "n/a (remote)");
    }

    private static Counts withoutProbes(long cpuNanos, long events, GatewayClient client, String unavailable) {
        return new Counts(
                cpuNanos,
                events,
                UNAVAILABLE,
                UNAVAILABLE,
                UNAVAILABLE,
                UNAVAILABLE,
                UNAVAILABLE,
                UNAVAILABLE,
                client.requests(),
                client.tooManyRequests(),
                client.backOffNanos(),
                unavailable);
    }

    Counts minus(Counts before) {
        return new Counts(
                difference(cpuNanos, before.cpuNanos),
                difference(events, before.events),
                difference(commits, before.commits),
                difference(writingCommits, before.writingCommits),
                difference(aggregateLoads, before.aggregateLoads),
                difference(readModelRequests, before.readModelRequests),
                difference(sagaEvents, before.sagaEvents),
                difference(sagaBatches, before.sagaBatches),
                difference(requests, before.requests),
                difference(tooManyRequests, before.tooManyRequests),
                difference(backOffNanos, before.backOffNanos),
                unavailable);
    }

    /** {@code counter / by}, or NaN when the counter is unavailable or there is nothing to divide by. */
    static double ratio(long counter, long by) {
        return counter == UNAVAILABLE || by == UNAVAILABLE || by == 0 ? Double.NaN : (double) counter / by;
    }

    /** The figure in {@code format}, or the {@code unavailable} text when it is NaN. */
    String format(String format, double figure) {
        return Double.isNaN(figure) ? unavailable : String.format(format, figure);
    }

    private static long difference(long after, long before) {
        return after == UNAVAILABLE || before == UNAVAILABLE ? UNAVAILABLE : after - before;
    }
}
