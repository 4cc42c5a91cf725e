package io.fulfillment.payment.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application context every payment IT shares (same annotations, so Spring caches it). The breaker is tuned
 * for tests: it judges windows of 10 calls, opens at 80% failures (so 20% injected errors never open it, an outage
 * does within four payments) and half-opens after a second; retries wait milliseconds. Parked reversals are retried
 * every half second, and the reconciliation's own breaker half-opens after a second too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = PaymentTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fulfillment.data-dir=./target/it-data/${random.uuid}",
            "psp-sandbox.random-seed=20250101",
            "resilience4j.retry.instances.psp.wait-duration=20ms",
            "resilience4j.retry.instances.psp.exponential-max-wait-duration=100ms",
            "resilience4j.circuitbreaker.instances.psp.sliding-window-size=10",
            "resilience4j.circuitbreaker.instances.psp.minimum-number-of-calls=10",
            "resilience4j.circuitbreaker.instances.psp.failure-rate-threshold=80",
            "resilience4j.circuitbreaker.instances.psp.wait-duration-in-open-state=1s",
            "resilience4j.circuitbreaker.instances.psp.permitted-number-of-calls-in-half-open-state=1",
            "fulfillment.payment.reconciliation.retry-interval=500ms",
            "resilience4j.retry.instances.psp-reconciliation.wait-duration=20ms",
            "resilience4j.retry.instances.psp-reconciliation.exponential-max-wait-duration=100ms",
            "resilience4j.circuitbreaker.instances.psp-reconciliation.wait-duration-in-open-state=1s"
        })
public @interface PaymentContextTest {}
