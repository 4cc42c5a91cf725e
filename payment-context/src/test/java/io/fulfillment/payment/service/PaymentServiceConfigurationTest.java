package io.fulfillment.payment.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.chassis.defaults.ContextServiceConfigurationContract;
import io.fulfillment.chassis.defaults.PreparedEnvironment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The payment service's effective configuration: the chassis' endpoints and the provider's resilience state, its own
 * database, the provider it is pointed at. (Before ADR 0014 the context's defaults, imported by the service's YAML,
 * overrode it: health details were shown to anyone, and this test failed.)
 */
class PaymentServiceConfigurationTest extends ContextServiceConfigurationContract {

    private static final List<String> RESILIENCE_ENDPOINTS =
            List.of("circuitbreakers", "circuitbreakerevents", "retries", "bulkheads", "timelimiters");

    PaymentServiceConfigurationTest() {
        super(PaymentService.application(), "payment", withResilienceEndpoints());
    }

    @Test
    void reachesTheProviderNamedInItsEnvironment() {
        PreparedEnvironment pointed =
                PreparedEnvironment.of(PaymentService.application(), "--PSP_BASE_URL=http://psp-sandbox:8080/psp");

        assertThat(pointed.property("fulfillment.payment.psp.base-url")).isEqualTo("http://psp-sandbox:8080/psp");
    }

    private static Set<String> withResilienceEndpoints() {
        Set<String> endpoints = new HashSet<>(CHASSIS_ENDPOINTS);
        endpoints.addAll(RESILIENCE_ENDPOINTS);
        return endpoints;
    }
}
