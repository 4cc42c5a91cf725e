package io.fulfillment.inventory.catalogue;

import static io.fulfillment.inventory.catalogue.CatalogueEntry.AVAILABLE;
import static io.fulfillment.inventory.catalogue.CatalogueEntry.LAST_SEQUENCE;
import static io.fulfillment.inventory.catalogue.CatalogueEntry.NAME;
import static io.fulfillment.inventory.catalogue.CatalogueEntry.RESERVED;
import static io.fulfillment.inventory.catalogue.CatalogueEntry.SHIPPED;
import static io.fulfillment.inventory.catalogue.CatalogueEntry.UNIT_PRICE;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductRegisteredEvent;
import io.fulfillment.contracts.inventory.ProductRestockedEvent;
import io.fulfillment.contracts.inventory.StockCommittedEvent;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalogue read model in step with the products' events.
 *
 * <p>Replay-safe and idempotent: every write is keyed by {@code _id} and guarded by the event's sequence number, so an
 * event delivered twice (at-least-once delivery, a retried batch) changes nothing the second time; a reset clears the
 * collection before a replay rebuilds it. The writes of one batch of events go to MongoDB in one ordered bulk request
 * when the batch commits, so a batch costs one round trip however many events it holds.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
class CatalogueProjection {

    static final String PROCESSING_GROUP = "inventory-catalogue";
    private static final String PENDING_WRITES = CatalogueProjection.class.getName() + ".pendingWrites";

    private final MongoTemplate mongo;
    private final MongoBatchWriter batches;

    CatalogueProjection(MongoTemplate mongo, MongoBatchWriter batches) {
        this.mongo = mongo;
        this.batches = batches;
    }

    @EventHandler
    void on(ProductRegisteredEvent event, @SequenceNumber long sequence) {
        Update register = new Update()
                .setOnInsert(NAME, event.name())
                .setOnInsert(UNIT_PRICE, CatalogueEntry.Price.of(event.unitPrice()))
                .setOnInsert(AVAILABLE, event.initialStock())
                .setOnInsert(RESERVED, 0)
                .setOnInsert(SHIPPED, 0)
                .setOnInsert(LAST_SEQUENCE, sequence);
        write(bulk -> bulk.upsert(byId(event.productId()), register));
    }

    @EventHandler
    void on(ProductRestockedEvent event, @SequenceNumber long sequence) {
        applyOnce(event.productId(), sequence, new Update().inc(AVAILABLE, event.quantity()));
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequence) {
        applyOnce(
                event.productId(),
                sequence,
                new Update().inc(AVAILABLE, -event.quantity()).inc(RESERVED, event.quantity()));
    }

    /** Changes no stock level; only records that the product's history moved on. */
    @EventHandler
    void on(StockReservationRejectedEvent event, @SequenceNumber long sequence) {
        applyOnce(event.productId(), sequence, new Update());
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequence) {
        applyOnce(
                event.productId(),
                sequence,
                new Update().inc(RESERVED, -event.quantity()).inc(AVAILABLE, event.quantity()));
    }

    @EventHandler
    void on(StockCommittedEvent event, @SequenceNumber long sequence) {
        applyOnce(
                event.productId(),
                sequence,
                new Update().inc(RESERVED, -event.quantity()).inc(SHIPPED, event.quantity()));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), CatalogueEntry.class);
    }

    private void applyOnce(ProductId productId, long sequence, Update change) {
        Query notYetApplied = byId(productId).addCriteria(where(LAST_SEQUENCE).lt(sequence));
        Update update = change.set(LAST_SEQUENCE, sequence);
        write(bulk -> bulk.updateOne(notYetApplied, update));
    }

    private static Query byId(ProductId productId) {
        return Query.query(where("_id").is(productId.value()));
    }

    private void write(Consumer<BulkOperations> operation) {
        batches.write(CatalogueEntry.class, operation);
    }
}
