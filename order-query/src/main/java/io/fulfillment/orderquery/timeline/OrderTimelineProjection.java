package io.fulfillment.orderquery.timeline;

import static io.fulfillment.orderquery.timeline.TimelineDescriptions.describe;

import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.contracts.inventory.StockCommittedEvent;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderShippingScheduledEvent;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.payment.ChargeReversalRequestedEvent;
import io.fulfillment.contracts.payment.ChargeReversedEvent;
import io.fulfillment.contracts.payment.PaymentCancelledEvent;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentRefundedEvent;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.shipping.ShipmentCancelledEvent;
import io.fulfillment.contracts.shipping.ShipmentDeliveredEvent;
import io.fulfillment.contracts.shipping.ShipmentDispatchedEvent;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
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
 * Appends every event that names an order, from every context, to that order's timeline. Appending is idempotent by
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

    // order

    @EventHandler
    void on(OrderPlacedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(OrderStockReservedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(OrderPaidEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(OrderShippingScheduledEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(OrderConfirmedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(OrderRejectedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(OrderCancelledEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    // inventory

    @EventHandler
    void on(StockReservedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(StockReservationRejectedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(StockReleasedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(StockCommittedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    // payment

    @EventHandler
    void on(PaymentRequestedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(PaymentChargedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(PaymentFailedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(PaymentCancelledEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(RefundRequestedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(PaymentRefundedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(ChargeReversalRequestedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(ChargeReversedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    // shipping

    @EventHandler
    void on(ShipmentScheduledEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(ShipmentRejectedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(ShipmentDispatchedEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(ShipmentDeliveredEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
    }

    @EventHandler
    void on(ShipmentCancelledEvent event, EventMessage<?> message) {
        append(event.orderId(), describe(event), message);
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
