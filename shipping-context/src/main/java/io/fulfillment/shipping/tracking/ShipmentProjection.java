package io.fulfillment.shipping.tracking;

import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.ShipmentCancelledEvent;
import io.fulfillment.contracts.shipping.ShipmentDeliveredEvent;
import io.fulfillment.contracts.shipping.ShipmentDispatchedEvent;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import io.fulfillment.contracts.shipping.ShipmentStatus;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the shipment read model. Replay-safe: every write is an upsert by {@code _id}, and an event whose aggregate
 * sequence is not newer than the document's {@code lastSequence} has been applied already and is skipped, so a
 * redelivered or replayed event changes nothing.
 *
 * <p>Documents are read, changed and written back through the {@link MongoBatchWriter}, one bulk request per batch. A
 * {@link ShipmentDocument} is changed only by its own shipment's events, which the default sequencing policy (per
 * aggregate) keeps in one segment; a {@link ShipmentByOrderDocument} is only ever overwritten, never read here.
 */
@Component
@ProcessingGroup(ShipmentProjection.PROCESSING_GROUP)
class ShipmentProjection {

    static final String PROCESSING_GROUP = "shipping-view";

    private static final Logger log = LoggerFactory.getLogger(ShipmentProjection.class);

    private final MongoTemplate mongo;
    private final MongoBatchWriter documents;

    ShipmentProjection(MongoTemplate mongo, MongoBatchWriter documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    @EventHandler
    void on(ShipmentScheduledEvent event, @SequenceNumber long sequence) {
        open(
                event.shipmentId(),
                event.orderId(),
                ShipmentStatus.SCHEDULED,
                event.address(),
                event.items(),
                null,
                sequence);
    }

    @EventHandler
    void on(ShipmentRejectedEvent event, @SequenceNumber long sequence) {
        open(
                event.shipmentId(),
                event.orderId(),
                ShipmentStatus.REJECTED,
                null,
                List.of(),
                event.reason().name(),
                sequence);
    }

    @EventHandler
    void on(ShipmentDispatchedEvent event, @SequenceNumber long sequence) {
        advance(event.shipmentId(), ShipmentStatus.DISPATCHED, null, sequence);
    }

    @EventHandler
    void on(ShipmentDeliveredEvent event, @SequenceNumber long sequence) {
        advance(event.shipmentId(), ShipmentStatus.DELIVERED, null, sequence);
    }

    @EventHandler
    void on(ShipmentCancelledEvent event, @SequenceNumber long sequence) {
        advance(event.shipmentId(), ShipmentStatus.CANCELLED, event.reason(), sequence);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ShipmentDocument.class);
        mongo.remove(new Query(), ShipmentByOrderDocument.class);
        documents.forgetAll(ShipmentDocument.class);
        documents.forgetAll(ShipmentByOrderDocument.class);
    }

    private void open(
            ShipmentId shipmentId,
            OrderId orderId,
            ShipmentStatus status,
            ShippingAddress address,
            List<ShipmentItem> items,
            String reason,
            long sequence) {
        if (documents
                .load(ShipmentDocument.class, shipmentId.value())
                .filter(current -> current.hasApplied(sequence))
                .isPresent()) {
            return;
        }
        documents.save(new ShipmentDocument(
                shipmentId.value(), orderId.value(), status, address, List.copyOf(items), reason, sequence));
        documents.save(new ShipmentByOrderDocument(orderId.value(), shipmentId.value()));
    }

    private void advance(ShipmentId shipmentId, ShipmentStatus status, String reason, long sequence) {
        ShipmentDocument current =
                documents.load(ShipmentDocument.class, shipmentId.value()).orElse(null);
        if (current == null) {
            log.warn("Shipment {} moved to {} before it was scheduled in the read model; ignored", shipmentId, status);
            return;
        }
        if (current.hasApplied(sequence)) {
            return;
        }
        documents.save(reason == null ? current.moveTo(status, sequence) : current.moveTo(status, reason, sequence));
    }
}
