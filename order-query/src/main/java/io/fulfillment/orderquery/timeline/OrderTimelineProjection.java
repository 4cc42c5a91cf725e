package io.fulfillment.orderquery.timeline;

import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.orderquery.timeline.OrderTimelineDocument.Entry;
import java.util.OptionalLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends every {@link OrderEvent}, from every context, to its order's timeline, described by
 * {@link TimelineDescriptions}. Appending is idempotent by
 * event identifier, so redelivery and replay never duplicate an entry; entries remember the event's global position
 * in the event store, which orders them across aggregates.
 *
 * <p>Each event reads the timeline and writes it back through the {@link MongoBatchWriter}. The events of one order
 * come from several aggregates (order, products, payment, shipment), so the per-aggregate default would let two
 * segments append to the same timeline at once and lose an entry; the processing group is therefore sequenced by
 * order id ({@code OrderQueryConfiguration}).
 */
@Component
@ProcessingGroup(OrderTimelineProjection.PROCESSING_GROUP)
class OrderTimelineProjection {

    static final String PROCESSING_GROUP = "order-timeline";

    private final MongoTemplate mongo;
    private final MongoBatchWriter documents;

    OrderTimelineProjection(MongoTemplate mongo, MongoBatchWriter documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    /** Every event that belongs to an order, whichever context published it. */
    @EventHandler
    void on(OrderEvent event, EventMessage<?> message) {
        append(event.orderId(), TimelineDescriptions.describe(event), message);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OrderTimelineDocument.class);
        documents.forgetAll(OrderTimelineDocument.class);
    }

    private void append(OrderId orderId, String description, EventMessage<?> message) {
        String id = orderId.toString();
        Entry entry = new Entry(
                message.getIdentifier(),
                positionOf(message),
                message.getTimestamp(),
                TimelineDescriptions.contextOf(message.getPayload()),
                message.getPayloadType().getSimpleName(),
                description,
                (String) message.getMetaData().get(CorrelationId.METADATA_KEY));
        OrderTimelineDocument timeline =
                documents.load(OrderTimelineDocument.class, id).orElseGet(() -> OrderTimelineDocument.empty(id));
        if (!timeline.records(entry.eventId())) {
            documents.save(timeline.with(entry));
        }
    }

    private static Long positionOf(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }
}
