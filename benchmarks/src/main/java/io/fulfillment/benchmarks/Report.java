package io.fulfillment.benchmarks;

import java.util.List;

/** Prints runs: a paragraph as each ends, and the results table (markdown, as docs/performance.md records it). */
final class Report {

    private Report() {}

    static OrderLoad.Run run(OrderLoad.Run run) {
        Counts counts = run.counts();
        System.out.printf(
                "%s: %d orders, %d terminal %s, %d not placed, in %.2f s = %.1f orders/s, %s events/s (%s events),"
                        + " %s CPU cores%n",
                run.name(),
                run.orders(),
                run.terminal(),
                run.statuses(),
                run.failedToPlace(),
                run.seconds(),
                run.ordersPerSecond(),
                counts.format("%.0f", run.eventsPerSecond()),
                run.events() == Counts.UNAVAILABLE ? counts.unavailable() : Long.toString(run.events()),
                counts.format("%.2f", run.cpuCores()));
        System.out.printf(
                "  per terminal order: %s ms CPU, %s JDBC commits (%s with writes), %s events, %s aggregate loads,"
                        + " %s read-model requests; saga: %s events per unit of work%n",
                counts.format("%.1f", run.cpuMillisPerOrder()),
                counts.format("%.1f", run.commitsPerOrder()),
                counts.format("%.1f", run.writingCommitsPerOrder()),
                counts.format("%.1f", run.eventsPerOrder()),
                counts.format("%.1f", run.aggregateLoadsPerOrder()),
                counts.format("%.1f", run.readModelRequestsPerOrder()),
                counts.format("%.2f", run.sagaBatchSize()));
        if (counts.requests() > 0) {
            System.out.printf(
                    "  HTTP: %d requests (%.1f per order), %d answered 429 by the gateway's rate limit and sent again"
                            + " (%.1f s of back-off in all)%n",
                    counts.requests(),
                    (double) counts.requests() / run.orders(),
                    counts.tooManyRequests(),
                    counts.backOffNanos() / 1e9);
        }
        System.out.printf("  placed → CONFIRMED %s%n", run.confirmedLatency());
        if (run.terminal() > run.confirmed()) {
            System.out.printf("  placed → terminal, any status: %s%n", run.terminalLatency());
        }
        return run;
    }

    static void table(List<OrderLoad.Run> runs) {
        System.out.println();
        System.out.println("| run | orders | terminal | confirmed | orders/s | events/s | CPU cores | CPU ms/order"
                + " | commits/order | with writes/order | events/order | aggregate loads/order | read-model requests/order"
                + " | saga events/batch"
                + " | 429s | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (OrderLoad.Run run : runs) {
            Counts c = run.counts();
            Latencies l = run.confirmedLatency();
            System.out.printf(
                    "| %s | %d | %d | %d | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s |%n",
                    run.name(),
                    run.orders(),
                    run.terminal(),
                    run.confirmed(),
                    run.ordersPerSecond(),
                    c.format("%.0f", run.eventsPerSecond()),
                    c.format("%.2f", run.cpuCores()),
                    c.format("%.1f", run.cpuMillisPerOrder()),
                    c.format("%.1f", run.commitsPerOrder()),
                    c.format("%.1f", run.writingCommitsPerOrder()),
                    c.format("%.1f", run.eventsPerOrder()),
                    c.format("%.1f", run.aggregateLoadsPerOrder()),
                    c.format("%.1f", run.readModelRequestsPerOrder()),
                    c.format("%.2f", run.sagaBatchSize()),
                    c.tooManyRequests(),
                    millis(l.p50()),
                    millis(l.p95()),
                    millis(l.p99()),
                    millis(l.max()));
        }
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.1f", value);
    }
}
