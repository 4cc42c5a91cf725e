package io.fulfillment.inventory.service;

import io.fulfillment.chassis.distributed.ServiceApplication;
import io.fulfillment.inventory.InventoryConfiguration;
import org.springframework.boot.SpringApplication;

/** The inventory context as its own service of the distributed mode, configured by {@code inventory-context-service.yml}. */
public final class InventoryService {

    public static final String CONFIG_NAME = "inventory-context-service";

    private InventoryService() {}

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application {@link #main} runs. */
    public static SpringApplication application() {
        return ServiceApplication.of(InventoryConfiguration.class, CONFIG_NAME);
    }
}
