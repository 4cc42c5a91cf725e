package io.fulfillment.allinone;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the recorded spans in memory: Spring Boot hands every {@code SpanExporter} bean the spans of its tracer
 * provider, Axon's included. Only sampled traces are recorded (see {@link AllInOneTest}), so this holds the traces a
 * test started on purpose.
 */
@TestConfiguration(proxyBeanMethods = false)
class SpanCapture {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
