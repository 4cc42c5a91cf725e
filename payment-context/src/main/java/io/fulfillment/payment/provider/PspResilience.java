package io.fulfillment.payment.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;

/** The four resilience4j instances named {@value #INSTANCE}, as configured under {@code resilience4j.*.instances}. */
record PspResilience(Retry retry, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, Bulkhead bulkhead) {

    static final String INSTANCE = "psp";
}
