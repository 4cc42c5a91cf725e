package io.fulfillment.psp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * Runs the sandbox alone, as the separate service a real provider would be (defaults in config/psp-sandbox.yml). No
 * component itself, so the sandbox's component scan (the same one a host imports) never picks the launcher up.
 */
@EnableAutoConfiguration
@Import(PspSandboxConfiguration.class)
public class PspSandboxApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application {@link #main} runs, configured by {@code psp-sandbox.yml}. */
    static SpringApplication application() {
        return new SpringApplicationBuilder(PspSandboxApplication.class)
                .properties("spring.config.name=psp-sandbox")
                .build();
    }
}
