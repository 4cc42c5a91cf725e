package io.fulfillment.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The API gateway as its own Spring application context. Its configuration lives in {@code gateway.yml}, never in
 * {@code application.yml}, so that it can share a classpath (and a JVM) with the backend contexts: start it with
 * {@code spring.config.name=gateway}, as {@link #main} does.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** The name of the gateway's configuration file ({@code gateway.yml}) and the value for spring.config.name. */
    public static final String CONFIG_NAME = "gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
