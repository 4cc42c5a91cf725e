package io.fulfillment.chassis.distributed;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * One bounded context as its own service of the distributed mode: Spring Boot's auto-configuration, the chassis and
 * the context's configuration class, configured by the service's own YAML ({@code spring.config.name}, never
 * {@code application.yml}, so it cannot collide with another deployable's file on a shared classpath). A context
 * service exists only in the distributed mode, so this is where that mode is switched on ({@code fulfillment.mode}),
 * once for every service.
 *
 * <p>A context's launcher is a plain {@code main} that calls {@link #of}: it is no Spring component, so the context's
 * component scan never meets it and needs no exclude filter, and the context's configuration class stays the one
 * thing every host imports (ADR 0014).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ServiceApplication {

    /** The application a context service's {@code main} runs: the context's configuration, read from its YAML. */
    public static SpringApplication of(Class<?> contextConfiguration, String configName) {
        SpringApplication application = new SpringApplication(ServiceApplication.class, contextConfiguration);
        application.setDefaultProperties(
                Map.of("spring.config.name", configName, DistributedMode.PROPERTY, DistributedMode.DISTRIBUTED));
        return application;
    }
}
