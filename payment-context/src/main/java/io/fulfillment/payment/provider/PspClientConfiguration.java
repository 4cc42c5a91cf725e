package io.fulfillment.payment.provider;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
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
        return new PspClient(
                environment,
                restClientBuilder,
                properties,
                resilience(PspResilience.PAYMENTS, retries, circuitBreakers, timeLimiters, bulkheads),
                resilience(PspResilience.RECONCILIATION, retries, circuitBreakers, timeLimiters, bulkheads));
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
