package io.fulfillment.orderquery.summary;

import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.chassis.mongo.ReadModelGenerations;
import io.fulfillment.chassis.mongo.ReadModelGenerations.Generation;
import io.fulfillment.contracts.order.FindOrderSummaryQuery;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderShippingScheduledEvent;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.order.RejectionReason;
import io.fulfillment.orderquery.RejectionMessages;
import io.fulfillment.orderquery.summary.OrderSummaryDocument.Line;
import java.time.Instant;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one summary per order from the order aggregate's events. An event applies only if its sequence number is newer
 * than the last one applied to the order, so redelivery and replay are harmless; live subscribers hear of each applied
 * change, except while replaying.
 *
 * <p>The summaries live in the collection of the read model's current generation ({@link ReadModelGenerations}): the
 * live instance (the Spring bean, processing group {@value #PROCESSING_GROUP}) asks for it on every event, so after a
 * blue/green rebuild has switched generations it writes where queries read. A rebuild makes a second instance with
 * {@link #rebuilding}, which writes only into the generation being built and announces nothing (that generation serves
 * no one yet).
 *
 * <p>Each event reads the order's summary and writes it back through the {@link MongoBatchWriter}, so a batch of
 * events costs one {@code _id} lookup and one write per order. That is safe because only the order's own events write
 * the summary, and Axon's default sequencing policy (per aggregate) hands all of them to the same segment.
 */
@Component
@ProcessingGroup(OrderSummaryProjection.PROCESSING_GROUP)
class OrderSummaryProjection {

    static final String PROCESSING_GROUP = "order-summary";

    private final MongoTemplate mongo;
    private final MongoBatchWriter documents;
    private final QueryUpdateEmitter updates;
    private final Supplier<String> collection;

    @Autowired
    OrderSummaryProjection(
            MongoTemplate mongo,
            MongoBatchWriter documents,
            QueryUpdateEmitter updates,
            ReadModelGenerations generations) {
        this(mongo, documents, updates, () -> generations.collectionOf(PROCESSING_GROUP, OrderSummaryDocument.class));
    }

    private OrderSummaryProjection(
            MongoTemplate mongo, MongoBatchWriter documents, QueryUpdateEmitter updates, Supplier<String> collection) {
        this.mongo = mongo;
        this.documents = documents;
        this.updates = updates;
        this.collection = collection;
    }

    /** The handlers of a blue/green rebuild: they fill {@code generation} only and tell subscribers nothing. */
    static OrderSummaryProjection rebuilding(Generation generation, MongoTemplate mongo, MongoBatchWriter documents) {
        String target = generation.collection(mongo.getCollectionName(OrderSummaryDocument.class));
        return new OrderSummaryProjection(mongo, documents, null, () -> target);
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        String orderId = event.orderId().toString();
        String into = collection.get();
        if (documents.load(OrderSummaryDocument.class, into, orderId).isPresent()) {
            return;
        }
        OrderSummaryDocument placed = new OrderSummaryDocument(
                orderId,
                event.customerId().toString(),
                OrderStatus.PLACED,
                event.lines().stream().map(Line::of).toList(),
                event.total(),
                event.shippingAddress(),
                null,
                at,
                at,
                sequence);
        documents.save(placed, into);
        announce(placed, replay);
    }

    @EventHandler
    void on(OrderStockReservedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        moveTo(event.orderId(), OrderStatus.STOCK_RESERVED, null, sequence, at, replay);
    }

    @EventHandler
    void on(OrderPaidEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        moveTo(event.orderId(), OrderStatus.PAID, null, sequence, at, replay);
    }

    @EventHandler
    void on(
            OrderShippingScheduledEvent event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            ReplayStatus replay) {
        moveTo(event.orderId(), OrderStatus.SHIPPING_SCHEDULED, null, sequence, at, replay);
    }

    @EventHandler
    void on(OrderConfirmedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        moveTo(event.orderId(), OrderStatus.CONFIRMED, null, sequence, at, replay);
    }

    @EventHandler
    void on(OrderRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        moveTo(
                event.orderId(),
                OrderStatus.REJECTED,
                RejectionMessages.reasonFor(event.reason()),
                sequence,
                at,
                replay);
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        moveTo(
                event.orderId(),
                OrderStatus.CANCELLED,
                new RejectionReason(RejectionCode.CANCELLED, cancellationMessage(event.reason())),
                sequence,
                at,
                replay);
    }

    /** A cancellation's message is the words its requester gave. */
    private static String cancellationMessage(String requesterWords) {
        return requesterWords == null || requesterWords.isBlank()
                ? RejectionMessages.messageFor(RejectionCode.CANCELLED)
                : requesterWords;
    }

    /** A plain replay rebuilds the generation queries read, in place: it empties it first. */
    @ResetHandler
    void reset() {
        String current = collection.get();
        mongo.dropCollection(current);
        documents.forgetAll(current);
    }

    /** Applies a status change only if the event is newer than the last one applied to the order. */
    private void moveTo(
            OrderId orderId,
            OrderStatus status,
            RejectionReason reason,
            long sequence,
            Instant at,
            ReplayStatus replay) {
        String in = collection.get();
        documents
                .load(OrderSummaryDocument.class, in, orderId.toString())
                .filter(current -> !current.hasApplied(sequence))
                .map(current -> current.moveTo(status, reason, at, sequence))
                .ifPresent(changed -> {
                    documents.save(changed, in);
                    announce(changed, replay);
                });
    }

    /**
     * Tells subscribers about the summary as this event left it; Axon's emitter holds the update back until the batch
     * has committed, so no subscriber hears of a state the read model may still lose.
     */
    private void announce(OrderSummaryDocument document, ReplayStatus replay) {
        if (updates == null || replay.isReplay()) {
            return;
        }
        OrderId orderId = OrderId.of(document.orderId());
        updates.emit(FindOrderSummaryQuery.class, query -> orderId.equals(query.orderId()), document.toSummary());
    }
}
