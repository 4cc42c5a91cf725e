package io.fulfillment.chassis.observability;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Tracing is on where its spans can go: unless {@code management.tracing.enabled} is set explicitly, it follows
 * whether an OTLP endpoint ({@code management.otlp.tracing.endpoint}, e.g. {@code MANAGEMENT_OTLP_TRACING_ENDPOINT})
 * is configured. Without one no span is created and no trace context is written into messages, so the default costs
 * nothing (ADR 0013); an endpoint that is set but empty (as the compose file passes it on) counts as none, and the OTLP
 * exporter stays off.
 */
class TracingDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String ENABLED = "management.tracing.enabled";
    static final String ENDPOINT = "management.otlp.tracing.endpoint";
    static final String OTLP_EXPORT_ENABLED = "management.otlp.tracing.export.enabled";
    static final String PROPERTY_SOURCE_NAME = "fulfillmentTracingDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        boolean endpoint = StringUtils.hasText(environment.getProperty(ENDPOINT));
        Map<String, Object> defaults = new HashMap<>();
        if (!environment.containsProperty(ENABLED)) {
            defaults.put(ENABLED, endpoint);
        }
        if (!endpoint && !environment.containsProperty(OTLP_EXPORT_ENABLED)) {
            defaults.put(OTLP_EXPORT_ENABLED, false);
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }
}
