package io.fulfillment.chassis.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the chassis defaults ({@code chassis-defaults.yml}) as the property source of lowest precedence, so every
 * deployable starts in the embedded mode with Jackson serializers and durable deadlines in its H2 database, and any
 * {@code application.yml}, profile, environment variable or command-line argument overrides them.
 */
class ChassisDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE_NAME = "fulfillmentChassisDefaults";
    private static final String LOCATION = "io/fulfillment/chassis/defaults/chassis-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load(PROPERTY_SOURCE_NAME, new ClassPathResource(LOCATION))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }
}
