package io.fulfillment.inventory.catalogue;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Products registered at startup so that a fresh system has something to order.
 *
 * @param enabled true to register the products at start-up; off unless a deployable asks for it (the all-in-one does)
 * @param products the demo products, each registered once under its id
 */
@ConfigurationProperties("fulfillment.inventory.demo-catalogue")
record DemoCatalogueProperties(@DefaultValue("false") boolean enabled, @DefaultValue List<DemoProduct> products) {

    record DemoProduct(String id, String name, BigDecimal price, String currency, int stock) {}
}
