package io.fulfillment.inventory.testapp;

import io.fulfillment.inventory.InventoryConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The inventory context alone on the chassis, the way a deployable composes it. */
@SpringBootApplication
@Import(InventoryConfiguration.class)
public class InventoryTestApplication {}
