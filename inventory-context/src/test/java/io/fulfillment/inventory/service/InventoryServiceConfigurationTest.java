package io.fulfillment.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.chassis.defaults.ContextServiceConfigurationContract;
import io.fulfillment.chassis.defaults.PreparedEnvironment;
import org.junit.jupiter.api.Test;

/** The inventory service's effective configuration: the chassis' endpoints, its own database, no demo catalogue. */
class InventoryServiceConfigurationTest extends ContextServiceConfigurationContract {

    private static final String DEMO_CATALOGUE = "fulfillment.inventory.demo-catalogue.enabled";

    InventoryServiceConfigurationTest() {
        super(InventoryService.application(), "inventory", CHASSIS_ENDPOINTS);
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
