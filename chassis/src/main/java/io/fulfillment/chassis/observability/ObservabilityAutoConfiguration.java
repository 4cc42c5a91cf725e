package io.fulfillment.chassis.observability;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.ConditionalOnEnabledTracing;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's spans on the OpenTelemetry SDK that Spring Boot builds for Micrometer Tracing, so that one trace runs from an
 * HTTP request through the commands, events, saga steps and projection updates it causes (ADR 0013).
 *
 * <p>Axon's own auto-configuration would take its tracer and propagator from {@code GlobalOpenTelemetry}, which Spring
 * Boot does not register: Axon's spans would go nowhere and the HTTP request's trace would stop at the first message.
 * Where tracing is off ({@code management.tracing.enabled=false}, the default unless an OTLP endpoint is configured,
 * see {@link TracingDefaultsEnvironmentPostProcessor}) Axon gets the {@link NoOpSpanFactory}: no spans, and no trace
 * context written into the metadata of every message and stored event.
 */
@AutoConfiguration(
        after = {OpenTelemetryAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class},
        before = {
            AxonTracingAutoConfiguration.class,
            org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration.class,
            AxonAutoConfiguration.class
        })
public class ObservabilityAutoConfiguration {

    static final String INSTRUMENTATION_SCOPE = "AxonFramework-OpenTelemetry";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledTracing
    @ConditionalOnBean(OpenTelemetry.class)
    static class AxonTracing {

        @Bean
        @ConditionalOnMissingBean(SpanFactory.class)
        SpanFactory axonSpanFactory(OpenTelemetry openTelemetry) {
            return OpenTelemetrySpanFactory.builder()
                    .tracer(openTelemetry.getTracer(INSTRUMENTATION_SCOPE))
                    .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                    .build();
        }
    }

    @Bean
    @ConditionalOnMissingBean(SpanFactory.class)
    SpanFactory axonSpansOff() {
        return NoOpSpanFactory.INSTANCE;
    }
}
