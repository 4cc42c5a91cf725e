package io.fulfillment.payment.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.chassis.defaults.PreparedEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.Show;

/**
 * The payment service's effective configuration, prepared exactly as its {@code main} prepares it (its YAML, the
 * context's and the chassis' defaults, the post-processors) without starting it: what it shows over HTTP, and that
 * it runs in the distributed mode on its own database.
 */
class PaymentServiceConfigurationTest {

    private static final PreparedEnvironment service = PreparedEnvironment.of(PaymentService.application());

    @Test
    void runsInTheDistributedModeOnItsOwnDatabase() {
        assertThat(service.property("fulfillment.mode")).isEqualTo("distributed");
        assertThat(service.isOn("axon.axonserver.enabled")).isTrue();
        assertThat(service.property("spring.data.mongodb.database")).isEqualTo("payment");
        assertThat(service.property("jobrunr.database.database-name")).isEqualTo("payment");
    }

    @Test
    void showsNoHealthDetailsToAnyone() {
        assertThat(service.healthDetails()).isEqualTo(Show.NEVER);
    }

    @Test
    void exposesItsProbesMetricsAndTheProvidersResilienceState() {
        assertThat(service.exposedEndpoints())
                .containsExactlyInAnyOrder(
                        "health",
                        "info",
                        "metrics",
                        "prometheus",
                        "circuitbreakers",
                        "circuitbreakerevents",
                        "retries",
                        "bulkheads",
                        "timelimiters");
    }

    @Test
    void reachesTheProviderNamedInItsEnvironment() {
        PreparedEnvironment pointed =
                PreparedEnvironment.of(PaymentService.application(), "--PSP_BASE_URL=http://psp-sandbox:8080/psp");

        assertThat(pointed.property("fulfillment.payment.psp.base-url")).isEqualTo("http://psp-sandbox:8080/psp");
    }
}
