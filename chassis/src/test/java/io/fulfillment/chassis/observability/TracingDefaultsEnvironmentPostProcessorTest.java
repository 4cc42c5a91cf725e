package io.fulfillment.chassis.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingDefaultsEnvironmentPostProcessorTest {

    private final TracingDefaultsEnvironmentPostProcessor postProcessor = new TracingDefaultsEnvironmentPostProcessor();

    @Test
    void leavesTracingOffAndTheOtlpExporterOffWithoutAnEndpoint() {
        StandardEnvironment environment = environment(Map.of());

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.enabled", Boolean.class))
                .isFalse();
        assertThat(environment.getProperty("management.otlp.tracing.export.enabled", Boolean.class))
                .isFalse();
    }

    @Test
    void treatsAnEmptyEndpointAsNone() {
        StandardEnvironment environment = environment(Map.of("management.otlp.tracing.endpoint", ""));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.enabled", Boolean.class))
                .isFalse();
        assertThat(environment.getProperty("management.otlp.tracing.export.enabled", Boolean.class))
                .isFalse();
    }

    @Test
    void turnsTracingOnWhereAnEndpointIsConfigured() {
        StandardEnvironment environment =
                environment(Map.of("management.otlp.tracing.endpoint", "http://jaeger:4318/v1/traces"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.enabled", Boolean.class))
                .isTrue();
        assertThat(environment.containsProperty("management.otlp.tracing.export.enabled"))
                .isFalse();
    }

    @Test
    void keepsAnExplicitSetting() {
        StandardEnvironment environment = environment(Map.of(
                "management.otlp.tracing.endpoint",
                "http://jaeger:4318/v1/traces",
                "management.tracing.enabled",
                "false"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.enabled", Boolean.class))
                .isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
