package io.fulfillment.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

/** The time limiter is the one limit of an attempt: the socket timeouts are set around it, never against it. */
class PspTimeoutsTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    private static final Duration LONGER_RECONCILIATION_LIMIT = Duration.ofSeconds(5);

    @Test
    void refusesAConnectTimeoutThatTheTimeLimiterWouldCutOff() {
        PspResilience payments = resilience(PspResilience.PAYMENTS, TIME_LIMIT);

        assertThatThrownBy(() -> PspClientConfiguration.requireConnectTimeoutWithinTimeLimit(
                        new PspProperties(TIME_LIMIT), payments))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connect-timeout")
                .hasMessageContaining("'psp'");
        assertThatNoException()
                .isThrownBy(() -> PspClientConfiguration.requireConnectTimeoutWithinTimeLimit(
                        new PspProperties(Duration.ofSeconds(1)), payments));
    }

    @Test
    void givesTheHttpClientTheLongestTimeLimitAsItsBackstop() {
        try (PspClient client = new PspClient(
                new MockEnvironment(),
                RestClient.builder(),
                new PspProperties(Duration.ofSeconds(1)),
                resilience(PspResilience.PAYMENTS, TIME_LIMIT),
                resilience(PspResilience.RECONCILIATION, LONGER_RECONCILIATION_LIMIT))) {

            assertThat(client.longestTimeLimit()).isEqualTo(LONGER_RECONCILIATION_LIMIT);
        }
    }

    private static PspResilience resilience(String name, Duration timeLimit) {
        return new PspResilience(
                Retry.ofDefaults(name),
                CircuitBreaker.ofDefaults(name),
                TimeLimiter.of(
                        name,
                        TimeLimiterConfig.custom().timeoutDuration(timeLimit).build()),
                Bulkhead.ofDefaults(name));
    }
}
