package io.fulfillment.allinone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole system in one process on embedded stores, started once and shared by every integration test carrying
 * this annotation. Timeouts are shortened so failure paths settle in seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = FulfillmentApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fulfillment.data-dir=./target/it-data/${random.uuid}",
            "fulfillment.inventory.demo-catalogue.enabled=false",
            "fulfillment.saga.payment-timeout=20s",
            "resilience4j.circuitbreaker.instances.psp.wait-duration-in-open-state=1s",
            "resilience4j.circuitbreaker.instances.psp.automatic-transition-from-open-to-half-open-enabled=true",
            "resilience4j.circuitbreaker.instances.psp.permitted-number-of-calls-in-half-open-state=2",
            // tracing on, but only traces a caller asked to sample (a traceparent header with the sampled flag) are
            // recorded, into SpanCapture's in-memory exporter: ObservabilityIT's, not every test's
            "management.tracing.enabled=true",
            "management.tracing.sampling.probability=0",
            "management.tracing.opentelemetry.export.schedule-delay=100ms",
        })
@Import({SagaGate.class, SpanCapture.class})
// metrics exported to the Prometheus registry and spans to exporters, as in production (Spring Boot tests turn both
// off)
@AutoConfigureObservability
public @interface AllInOneTest {}
