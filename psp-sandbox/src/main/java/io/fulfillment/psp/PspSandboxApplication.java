package io.fulfillment.psp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Runs the sandbox alone, as the separate service a real provider would be (defaults in config/psp-sandbox.yml). */
@SpringBootApplication
public class PspSandboxApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(PspSandboxApplication.class)
                .properties("spring.config.name=psp-sandbox")
                .run(args);
    }
}
