package io.fulfillment.payment.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;

/**
 * The four resilience4j instances of one name, as configured under {@code resilience4j.*.instances}: {@value #PAYMENTS}
 * for the calls a payment waits on, {@value #RECONCILIATION} for the reversals that run in the background.
 */
record PspResilience(Retry retry, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, Bulkhead bulkhead) {

    static final String PAYMENTS = "psp";
    static final String RECONCILIATION = "psp-reconciliation";
}
