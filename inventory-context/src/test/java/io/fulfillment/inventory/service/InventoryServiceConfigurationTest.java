package io.fulfillment.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.chassis.defaults.PreparedEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.Show;

/**
 * The inventory service's effective configuration, prepared exactly as its {@code main} prepares it (its YAML, the
 * context's and the chassis' defaults, the post-processors) without starting it: what it shows over HTTP, and that
 * it runs in the distributed mode on its own database.
 */
class InventoryServiceConfigurationTest {

    private static final String DEMO_CATALOGUE = "fulfillment.inventory.demo-catalogue.enabled";

    private static final PreparedEnvironment service = PreparedEnvironment.of(InventoryService.application());

    @Test
    void runsInTheDistributedModeOnItsOwnDatabase() {
        assertThat(service.property("fulfillment.mode")).isEqualTo("distributed");
        assertThat(service.isOn("axon.axonserver.enabled")).isTrue();
        assertThat(service.property("spring.data.mongodb.database")).isEqualTo("inventory");
        assertThat(service.property("jobrunr.database.database-name")).isEqualTo("inventory");
    }

    @Test
    void showsNoHealthDetailsToAnyone() {
        assertThat(service.healthDetails()).isEqualTo(Show.NEVER);
    }

    @Test
    void exposesOnlyItsProbesMetricsAndInfo() {
        assertThat(service.exposedEndpoints()).containsExactlyInAnyOrder("health", "info", "metrics", "prometheus");
    }

    @Test
    void startsWithAnEmptyCatalogue() {
        assertThat(service.isOn(DEMO_CATALOGUE)).isFalse();
    }

    @Test
    void registersTheDemoCatalogueWhenAskedFor() {
        PreparedEnvironment asked =
                PreparedEnvironment.of(InventoryService.application(), "--" + DEMO_CATALOGUE + "=true");

        assertThat(asked.isOn(DEMO_CATALOGUE)).isTrue();
    }
}
