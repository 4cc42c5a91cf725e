package io.fulfillment.inventory.catalogue;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.RegisterProductCommand;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.inventory.catalogue.DemoCatalogueProperties.DemoProduct;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the configured demo products once the application is ready. Running it again after a restart, or on a
 * second instance at the same time, is harmless: a product that already has events is skipped, and losing the race to
 * register one counts as done. A demo product the aggregate refuses is logged and skipped, never fatal.
 */
@Component
@EnableConfigurationProperties(DemoCatalogueProperties.class)
class DemoCatalogue {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final DemoCatalogueProperties properties;
    private final CommandGateway commandGateway;
    private final EventStore eventStore;

    DemoCatalogue(DemoCatalogueProperties properties, CommandGateway commandGateway, EventStore eventStore) {
        this.properties = properties;
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerDemoProducts() {
        if (!properties.enabled()) {
            return;
        }
        int registered = 0;
        for (DemoProduct product : properties.products()) {
            if (register(product)) {
                registered++;
            }
        }
        log.info(
                "Demo catalogue: {} of {} products newly registered",
                registered,
                properties.products().size());
    }

    private boolean register(DemoProduct product) {
        try {
            ProductId productId = ProductId.of(product.id());
            if (isRegistered(productId)) {
                return false;
            }
            commandGateway.sendAndWait(new RegisterProductCommand(
                    productId, product.name(), new Money(product.price(), product.currency()), product.stock()));
            return true;
        } catch (RuntimeException failure) {
            if (product.id() != null
                    && ProductAlreadyRegisteredException.causing(failure, ProductId.of(product.id()))
                            .isPresent()) {
                return false;
            }
            log.warn("Demo product {} not registered: {}", product.id(), failure.getMessage());
            return false;
        }
    }

    private boolean isRegistered(ProductId productId) {
        return eventStore.lastSequenceNumberFor(productId.value()).isPresent();
    }
}
