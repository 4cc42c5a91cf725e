/**
 * Measures the all-in-one process: fulfilled orders per second, latency placed → CONFIRMED against offered load, what
 * an order costs (CPU, JDBC commits, events, aggregate loads, the saga's batch size), replay speed of the order
 * projections, and the raw append and read rates of the event storage engine in the same run; or, with
 * {@code --target}, a running deployment through its API gateway. Started by hand through
 * {@link io.fulfillment.benchmarks.Benchmark}; see docs/performance.md.
 */
package io.fulfillment.benchmarks;
