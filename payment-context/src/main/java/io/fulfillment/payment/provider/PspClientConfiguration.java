package io.fulfillment.payment.provider;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PspProperties.class)
class PspClientConfiguration {

    /** The instances come from the registries the resilience4j starter fills from {@code resilience4j.*} in YAML. */
    @Bean
    PspClient pspClient(
            Environment environment,
            RestClient.Builder restClientBuilder,
            PspProperties properties,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters,
            BulkheadRegistry bulkheads) {
        PspResilience payments = resilience(PspResilience.PAYMENTS, retries, circuitBreakers, timeLimiters, bulkheads);
        PspResilience reconciliation =
                resilience(PspResilience.RECONCILIATION, retries, circuitBreakers, timeLimiters, bulkheads);
        requireConnectTimeoutWithinTimeLimit(properties, payments);
        requireConnectTimeoutWithinTimeLimit(properties, reconciliation);
        return new PspClient(environment, restClientBuilder, properties, payments, reconciliation);
    }

    /** A connection that cannot be made must fail the attempt before the time limiter gives up on it. */
    static void requireConnectTimeoutWithinTimeLimit(PspProperties properties, PspResilience resilience) {
        Duration timeLimit = resilience.timeLimiter().getTimeLimiterConfig().getTimeoutDuration();
        if (properties.connectTimeout().compareTo(timeLimit) >= 0) {
            throw new IllegalStateException("fulfillment.payment.psp.connect-timeout (" + properties.connectTimeout()
                    + ") must be shorter than the time limit of resilience4j.timelimiter instance '"
                    + resilience.timeLimiter().getName() + "' (" + timeLimit + ")");
        }
    }

    private static PspResilience resilience(
            String instance,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters,
            BulkheadRegistry bulkheads) {
        return new PspResilience(
                retries.retry(instance),
                circuitBreakers.circuitBreaker(instance),
                timeLimiters.timeLimiter(instance),
                bulkheads.bulkhead(instance));
    }
}
