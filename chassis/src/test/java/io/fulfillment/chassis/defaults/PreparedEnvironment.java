package io.fulfillment.chassis.defaults;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The configuration a deployable really runs with, read without starting it: its {@link SpringApplication} (the one
 * its {@code main} runs) is run up to the point where the environment is complete — its own YAML, the context and
 * chassis defaults, the post-processors, the arguments and the process environment — and abandoned before a single
 * bean is created, so no Axon Server, MongoDB or H2 is needed.
 */
public final class PreparedEnvironment {

    private final ConfigurableEnvironment environment;

    private PreparedEnvironment(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    public static PreparedEnvironment of(SpringApplication application, String... args) {
        AtomicReference<ConfigurableEnvironment> prepared = new AtomicReference<>();
        try {
            SpringApplication.withHook(
                    ignored -> new SpringApplicationRunListener() {
                        @Override
                        public void contextPrepared(ConfigurableApplicationContext context) {
                            prepared.set(context.getEnvironment());
                            throw new SpringApplication.AbandonedRunException(context);
                        }
                    },
                    () -> application.run(args));
        } catch (SpringApplication.AbandonedRunException expected) {
            // the run stops here on purpose: the environment is prepared, nothing has started
        }
        if (prepared.get() == null) {
            throw new IllegalStateException("the application did not reach the prepared context");
        }
        return new PreparedEnvironment(prepared.get());
    }

    public ConfigurableEnvironment environment() {
        return environment;
    }

    /** The actuator endpoints reachable over HTTP ({@code health} alone when nothing says otherwise). */
    public Set<String> exposedEndpoints() {
        return Binder.get(environment)
                .bind("management.endpoints.web.exposure.include", Bindable.setOf(String.class))
                .orElse(Set.of("health"));
    }

    /** Whether {@code /actuator/health} shows its components' details ({@code never} unless configured). */
    public Show healthDetails() {
        return Binder.get(environment)
                .bind("management.endpoint.health.show-details", Show.class)
                .orElse(Show.NEVER);
    }

    public boolean isOn(String property) {
        return environment.getProperty(property, Boolean.class, false);
    }

    public String property(String name) {
        return environment.getProperty(name);
    }
}
