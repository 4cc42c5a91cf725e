package io.fulfillment.orderquery.summary;

import static io.fulfillment.orderquery.summary.OrderSummaryDocument.LAST_SEQUENCE;
import static io.fulfillment.orderquery.summary.OrderSummaryDocument.REASON;
import static io.fulfillment.orderquery.summary.OrderSummaryDocument.STATUS;
import static io.fulfillment.orderquery.summary.OrderSummaryDocument.UPDATED_AT;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

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
import io.fulfillment.orderquery.summary.OrderSummaryDocument.Line;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps one summary per order from the order aggregate's events. Every write is conditional on the event's sequence
 * number being newer than the last one applied, so redelivery and replay are harmless; live subscribers hear of each
 * applied change, except while replaying.
 */
@Component
@ProcessingGroup(OrderSummaryProjection.PROCESSING_GROUP)
class OrderSummaryProjection {

    static final String PROCESSING_GROUP = "order-summary";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;

    OrderSummaryProjection(MongoTemplate mongo, QueryUpdateEmitter updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        String orderId = event.orderId().toString();
        if (mongo.exists(query(where("_id").is(orderId)), OrderSummaryDocument.class)) {
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
        mongo.insert(placed);
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
        moveTo(event.orderId(), OrderStatus.REJECTED, event.reason(), sequence, at, replay);
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        moveTo(event.orderId(), OrderStatus.CANCELLED, event.reason(), sequence, at, replay);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OrderSummaryDocument.class);
    }

    /** Applies a status change only if the event is newer than the last one applied to the order. */
    private void moveTo(
            OrderId orderId, OrderStatus status, String reason, long sequence, Instant at, ReplayStatus replay) {
        Update update = new Update().set(STATUS, status).set(UPDATED_AT, at).set(LAST_SEQUENCE, sequence);
        if (reason != null) {
            update.set(REASON, reason);
        }
        OrderSummaryDocument changed = mongo.findAndModify(
                query(where("_id").is(orderId.toString()).and(LAST_SEQUENCE).lt(sequence)),
                update,
                FindAndModifyOptions.options().returnNew(true),
                OrderSummaryDocument.class);
        if (changed != null) {
            announce(changed, replay);
        }
    }

    private void announce(OrderSummaryDocument document, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        OrderId orderId = OrderId.of(document.orderId());
        updates.emit(FindOrderSummaryQuery.class, query -> orderId.equals(query.orderId()), document.toSummary());
    }
}
