package io.fulfillment.psp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Runs the sandbox alone, as the separate service a real provider would be (defaults in config/psp-sandbox.yml). */
@SpringBootApplication
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
