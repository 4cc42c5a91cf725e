package io.fulfillment.chassis.defaults;

import io.fulfillment.chassis.distributed.DistributedMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the defaults of every deployable that uses the chassis as the property sources of lowest precedence, so that
 * the deployable's own YAML, the environment and the arguments override any of them (ADR 0014). From highest to
 * lowest:
 *
 * <ol>
 *   <li>the defaults of each bounded context the application hosts ({@link ContextDefaults} on the context's
 *       configuration class, found through the application's sources and their imports);
 *   <li>{@code distributed-defaults.yml} when {@code fulfillment.mode=distributed}: Axon Server on, JobRunr and the
 *       read models on the service's MongoDB database, the JDBC/JPA/H2 auto-configurations excluded;
 *   <li>{@code chassis-defaults.yml}: the embedded mode on H2 and the embedded MongoDB, Jackson serializers, the
 *       actuator's exposure, Axon's timeouts.
 * </ol>
 *
 * <p>It runs after Spring Boot has read the configuration files, so the mode switch may come from any of them.
 */
class ChassisDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String CHASSIS_DEFAULTS = "fulfillmentChassisDefaults";
    static final String DISTRIBUTED_DEFAULTS = "fulfillmentDistributedDefaults";
    static final String CONTEXT_DEFAULTS = "fulfillmentContextDefaults";
    private static final String LOCATION = "io/fulfillment/chassis/defaults/";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(CHASSIS_DEFAULTS)) {
            return;
        }
        // highest first: each is added below the ones before it
        for (String context : contextDefaults(application.getAllSources())) {
            load(CONTEXT_DEFAULTS + " " + context, context).forEach(sources::addLast);
        }
        if (DistributedMode.isActive(environment)) {
            load(DISTRIBUTED_DEFAULTS, LOCATION + "distributed-defaults.yml").forEach(sources::addLast);
        }
        load(CHASSIS_DEFAULTS, LOCATION + "chassis-defaults.yml").forEach(sources::addLast);
    }

    /** The defaults files of the contexts among the sources and everything they import, in the order of import. */
    static List<String> contextDefaults(Set<Object> applicationSources) {
        Set<Class<?>> visited = new LinkedHashSet<>();
        List<String> locations = new ArrayList<>();
        for (Object source : applicationSources) {
            if (source instanceof Class<?> type) {
                collect(type, visited, locations);
            }
        }
        return locations;
    }

    private static void collect(Class<?> type, Set<Class<?>> visited, List<String> locations) {
        if (!visited.add(type)) {
            return;
        }
        MergedAnnotations annotations = MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY);
        MergedAnnotation<ContextDefaults> defaults = annotations.get(ContextDefaults.class);
        if (defaults.isPresent() && !locations.contains(defaults.getString("value"))) {
            locations.add(defaults.getString("value"));
        }
        annotations.stream(Import.class).forEach(imports -> {
            for (Class<?> imported : imports.getClassArray("value")) {
                collect(imported, visited, locations);
            }
        });
    }

    private static List<PropertySource<?>> load(String name, String location) {
        try {
            return new YamlPropertySourceLoader().load(name, new ClassPathResource(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
