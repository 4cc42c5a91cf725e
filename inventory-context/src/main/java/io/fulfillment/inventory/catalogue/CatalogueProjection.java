package io.fulfillment.inventory.catalogue;

import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductRegisteredEvent;
import io.fulfillment.contracts.inventory.ProductRestockedEvent;
import io.fulfillment.contracts.inventory.StockCommittedEvent;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalogue read model in step with the products' events.
 *
 * <p>Replay-safe and idempotent: an entry is created only if missing, and a change applies only if the event's
 * sequence number is newer than the last one applied to the entry, so an event delivered twice (at-least-once
 * delivery, a retried batch) changes nothing the second time; a reset clears the collection before a replay rebuilds
 * it.
 *
 * <p>Entries are read, changed and written back through the {@link MongoBatchWriter}: a batch of events costs one
 * {@code _id} lookup per product and one bulk request. An entry is changed only by its own product's events, which the
 * default sequencing policy (per aggregate) keeps in one segment.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
class CatalogueProjection {

    static final String PROCESSING_GROUP = "inventory-catalogue";

    private final MongoTemplate mongo;
    private final MongoBatchWriter documents;

    CatalogueProjection(MongoTemplate mongo, MongoBatchWriter documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    @EventHandler
    void on(ProductRegisteredEvent event, @SequenceNumber long sequence) {
        String id = event.productId().value();
        if (documents.load(CatalogueEntry.class, id).isEmpty()) {
            documents.save(new CatalogueEntry(
                    id,
                    event.name(),
                    CatalogueEntry.Price.of(event.unitPrice()),
                    event.initialStock(),
                    0,
                    0,
                    sequence));
        }
    }

    @EventHandler
    void on(ProductRestockedEvent event, @SequenceNumber long sequence) {
        adjust(event.productId(), sequence, event.quantity(), 0, 0);
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequence) {
        adjust(event.productId(), sequence, -event.quantity(), event.quantity(), 0);
    }

    /** Changes no stock level; only records that the product's history moved on. */
    @EventHandler
    void on(StockReservationRejectedEvent event, @SequenceNumber long sequence) {
        adjust(event.productId(), sequence, 0, 0, 0);
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequence) {
        adjust(event.productId(), sequence, event.quantity(), -event.quantity(), 0);
    }

    @EventHandler
    void on(StockCommittedEvent event, @SequenceNumber long sequence) {
        adjust(event.productId(), sequence, 0, -event.quantity(), event.quantity());
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), CatalogueEntry.class);
        documents.forgetAll(CatalogueEntry.class);
    }

    /** Moves a registered product's stock levels, unless the event at {@code sequence} has been applied already. */
    private void adjust(ProductId productId, long sequence, int available, int reserved, int shipped) {
        documents
                .load(CatalogueEntry.class, productId.value())
                .filter(entry -> !entry.hasApplied(sequence))
                .map(entry -> entry.adjust(available, reserved, shipped, sequence))
                .ifPresent(documents::save);
    }
}
