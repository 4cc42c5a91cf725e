package io.fulfillment.inventory.shipment;

import io.fulfillment.contracts.inventory.CommitStockCommand;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.shipping.ShipmentDispatchedEvent;
import io.fulfillment.contracts.shipping.ShipmentItem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When a shipment leaves the warehouse, the units reserved for its order become shipped stock. Committing is
 * idempotent in the aggregate (an unknown or already committed reservation changes nothing), so a redelivered event is
 * harmless; the policy sends commands and therefore never replays. Each command is awaited so that a failure reaches
 * the processor's error handling (the dead-letter queue of this processing group) instead of vanishing.
 */
@Component
@ProcessingGroup(ShipmentStockPolicy.PROCESSING_GROUP)
@DisallowReplay
class ShipmentStockPolicy {

    static final String PROCESSING_GROUP = "inventory-shipment-policy";

    private final CommandGateway commandGateway;

    ShipmentStockPolicy(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(ShipmentDispatchedEvent event) {
        event.items().stream().map(ShipmentItem::productId).distinct().forEach(productId -> commit(productId, event));
    }

    private void commit(ProductId productId, ShipmentDispatchedEvent event) {
        commandGateway.sendAndWait(new CommitStockCommand(productId, event.orderId()));
    }
}
