package io.fulfillment.payment.service;

import io.fulfillment.payment.PaymentConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The payment-context context as its own service in the distributed mode: Axon Server and its own MongoDB database
 * ({@code payment-context-service.yml}, loaded with {@code spring.config.name=payment-context-service} so that it never collides with
 * another deployable's {@code application.yml} or the context defaults in {@code config/}).
 */
@SpringBootApplication
@Import(PaymentConfiguration.class)
public class PaymentService {

    public static final String CONFIG_NAME = "payment-context-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(PaymentService.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
