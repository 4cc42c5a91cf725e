package io.fulfillment.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The standalone sandbox's effective configuration, prepared as its {@code main} prepares it and abandoned before
 * anything starts, with the process environment its container image gives it.
 */
class PspSandboxApplicationSettingsTest {

    /** What the image sets: the port every image listens on. */
    private static final Map<String, Object> IMAGE_ENVIRONMENT = Map.of("SERVER_PORT", "8080");

    private static final Environment sandbox = prepared(Map.of());
    private static final Environment containerised = prepared(IMAGE_ENVIRONMENT);

    @Test
    void exposesOnlyItsHealthWithoutDetails() {
        Binder binder = Binder.get(sandbox);

        assertThat(binder.bind("management.endpoints.web.exposure.include", Bindable.setOf(String.class))
                        .orElse(Set.of("health")))
                .containsExactly("health");
        assertThat(binder.bind("management.endpoint.health.show-details", Show.class)
                        .orElse(Show.NEVER))
                .isEqualTo(Show.NEVER);
    }

    @Test
    void listensOnPspPortAloneAndOnTheImagesPortInAContainer() {
        assertThat(sandbox.getProperty("server.port")).isEqualTo("9090");
        assertThat(containerised.getProperty("server.port")).isEqualTo("8080");
    }

    private static Environment prepared(Map<String, Object> processEnvironment) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, processEnvironment));
        SpringApplication application = PspSandboxApplication.application();
        application.setEnvironment(environment);
        AtomicReference<Environment> prepared = new AtomicReference<>();
        try {
            SpringApplication.withHook(
                    ignored -> new SpringApplicationRunListener() {
                        @Override
                        public void contextPrepared(ConfigurableApplicationContext context) {
                            prepared.set(context.getEnvironment());
                            throw new SpringApplication.AbandonedRunException(context);
                        }
                    },
                    () -> application.run());
        } catch (SpringApplication.AbandonedRunException expected) {
            // stopped on purpose once the configuration is read
        }
        return prepared.get();
    }
}
