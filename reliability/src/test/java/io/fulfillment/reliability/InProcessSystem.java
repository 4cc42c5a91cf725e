package io.fulfillment.reliability;

import io.fulfillment.allinone.FulfillmentApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The all-in-one backends in the test JVM on a fresh data directory, shared by every scenario carrying this
 * annotation (same properties, one Spring context). Breaker timings and the retry of parked charge reversals are
 * shortened so recovery shows in seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = FulfillmentApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fulfillment.data-dir=./target/it-data/${random.uuid}",
            "fulfillment.inventory.demo-catalogue.enabled=false",
            "fulfillment.saga.payment-timeout=30s",
            "resilience4j.circuitbreaker.instances.psp.wait-duration-in-open-state=2s",
            "resilience4j.circuitbreaker.instances.psp.permitted-number-of-calls-in-half-open-state=2",
            "resilience4j.circuitbreaker.instances.psp-reconciliation.wait-duration-in-open-state=2s",
            "fulfillment.payment.reconciliation.retry-interval=2s",
            "logging.level.root=WARN",
            "logging.level.io.fulfillment.payment=ERROR",
        })
@interface InProcessSystem {}
