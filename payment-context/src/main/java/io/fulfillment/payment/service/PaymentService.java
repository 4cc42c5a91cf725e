package io.fulfillment.payment.service;

import io.fulfillment.chassis.distributed.ServiceApplication;
import io.fulfillment.payment.PaymentConfiguration;
import org.springframework.boot.SpringApplication;

/** The payment context as its own service of the distributed mode, configured by {@code payment-context-service.yml}. */
public final class PaymentService {

    public static final String CONFIG_NAME = "payment-context-service";

    private PaymentService() {}

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application {@link #main} runs. */
    public static SpringApplication application() {
        return ServiceApplication.of(PaymentConfiguration.class, CONFIG_NAME);
    }
}
