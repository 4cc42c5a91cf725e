package io.fulfillment.chassis.distributed;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * When {@code fulfillment.mode=distributed}, adds {@code distributed-defaults.yml} just above the chassis defaults: Axon
 * Server on, JobRunr on MongoDB, and the JDBC/JPA/H2 auto-configurations excluded, so a service has no DataSource and
 * Axon no JPA store. The service's own YAML, the environment and arguments still override every value.
 */
class DistributedDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE_NAME = "fulfillmentDistributedDefaults";
    private static final String CHASSIS_DEFAULTS = "fulfillmentChassisDefaults";
    private static final String LOCATION = "io/fulfillment/chassis/defaults/distributed-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!DistributedMode.isActive(environment)
                || environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load(PROPERTY_SOURCE_NAME, new ClassPathResource(LOCATION))) {
                if (environment.getPropertySources().contains(CHASSIS_DEFAULTS)) {
                    environment.getPropertySources().addBefore(CHASSIS_DEFAULTS, source);
                } else {
                    environment.getPropertySources().addLast(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }
}
