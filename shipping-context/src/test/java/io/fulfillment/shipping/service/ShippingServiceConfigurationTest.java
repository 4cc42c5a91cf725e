package io.fulfillment.shipping.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.chassis.defaults.PreparedEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.Show;

/**
 * The shipping service's effective configuration, prepared exactly as its {@code main} prepares it (its YAML, the
 * context's and the chassis' defaults, the post-processors) without starting it: what it shows over HTTP, and that
 * it runs in the distributed mode on its own database.
 */
class ShippingServiceConfigurationTest {

    private static final PreparedEnvironment service = PreparedEnvironment.of(ShippingService.application());

    @Test
    void runsInTheDistributedModeOnItsOwnDatabase() {
        assertThat(service.property("fulfillment.mode")).isEqualTo("distributed");
        assertThat(service.isOn("axon.axonserver.enabled")).isTrue();
        assertThat(service.property("spring.data.mongodb.database")).isEqualTo("shipping");
        assertThat(service.property("jobrunr.database.database-name")).isEqualTo("shipping");
    }

    @Test
    void showsNoHealthDetailsToAnyone() {
        assertThat(service.healthDetails()).isEqualTo(Show.NEVER);
    }

    @Test
    void exposesOnlyItsProbesMetricsAndInfo() {
        assertThat(service.exposedEndpoints()).containsExactlyInAnyOrder("health", "info", "metrics", "prometheus");
    }
}
