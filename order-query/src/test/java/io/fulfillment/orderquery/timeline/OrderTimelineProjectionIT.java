package io.fulfillment.orderquery.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.FindOrderTimelineQuery;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.order.OrderTimeline;
import io.fulfillment.contracts.order.TimelineEntry;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.orderquery.testapp.OrderQueryContextTest;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The projection's guarantees under redelivery and out-of-order handling, exercised by handing it events directly. */
@OrderQueryContextTest
class OrderTimelineProjectionIT {

    private static final ProductId KEYBOARD = ProductId.of("keyboard");
    private static final Instant EARLIER = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant LATER = EARLIER.plusSeconds(5);
    private static final String CORRELATION_ID = "corr-timeline";

    @Autowired
    OrderTimelineProjection projection;

    @Autowired
    OrderTimelineQueries timelines;

    @Autowired
    MongoTemplate mongo;

    private final OrderId orderId = OrderId.newId();

    @Test
    void recordsARedeliveredEventOnce() {
        StockReservedEvent reserved = new StockReservedEvent(KEYBOARD, orderId, 2);
        EventMessage<StockReservedEvent> message = tracked(reserved, 7, EARLIER);

        projection.on(reserved, message);
        projection.on(reserved, message);

        assertThat(timeline().entries())
                .containsExactly(new TimelineEntry(
                        7L, EARLIER, "inventory", "StockReservedEvent", "Reserved 2 × keyboard", CORRELATION_ID));
    }

    @Test
    void servesEntriesInEventStoreOrderWhateverOrderTheyArrivedIn() {
        StockReservedEvent reserved = new StockReservedEvent(KEYBOARD, orderId, 2);
        StockReleasedEvent released = new StockReleasedEvent(KEYBOARD, orderId, 2);

        projection.on(released, tracked(released, 12, LATER));
        projection.on(reserved, tracked(reserved, 11, LATER));

        assertThat(timeline().entries())
                .extracting(TimelineEntry::eventType)
                .containsExactly("StockReservedEvent", "StockReleasedEvent");
    }

    /**
     * Seen in the distributed mode: payment-context created its event 19 ms before order-command created its own, but
     * committed it after. The timeline keeps the event store's order and shows the position it is in.
     */
    @Test
    void servesEntriesInEventStoreOrderAndShowsItWhereTheServicesClocksDisagree() {
        OrderStockReservedEvent reserved = new OrderStockReservedEvent(orderId);
        PaymentRequestedEvent requested = new PaymentRequestedEvent(
                PaymentId.of("payment-" + orderId), orderId, CustomerId.of("customer-ada"), Money.of("12.50", "EUR"));

        projection.on(requested, tracked(requested, 241, EARLIER));
        projection.on(reserved, tracked(reserved, 240, EARLIER.plusMillis(19)));

        assertThat(timeline().entries())
                .extracting(TimelineEntry::position, TimelineEntry::eventType)
                .containsExactly(tuple(240L, "OrderStockReservedEvent"), tuple(241L, "PaymentRequestedEvent"));
    }

    @Test
    void ordersEntriesByTimeWhenTheirEventsCarryNoPosition() {
        StockReservedEvent reserved = new StockReservedEvent(KEYBOARD, orderId, 2);
        StockReleasedEvent released = new StockReleasedEvent(KEYBOARD, orderId, 2);

        projection.on(released, untracked(released, LATER));
        projection.on(reserved, untracked(reserved, EARLIER));

        assertThat(timeline().entries())
                .extracting(TimelineEntry::eventType)
                .containsExactly("StockReservedEvent", "StockReleasedEvent");
    }

    @Test
    void recordsEveryEventOfABatchWhenItCommitsAndARedeliveryWithinItOnce() {
        StockReservedEvent reserved = new StockReservedEvent(KEYBOARD, orderId, 2);
        StockReleasedEvent released = new StockReleasedEvent(KEYBOARD, orderId, 2);
        EventMessage<StockReservedEvent> reservation = tracked(reserved, 21, EARLIER);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));

        projection.on(reserved, reservation);
        projection.on(released, tracked(released, 22, LATER));
        projection.on(reserved, reservation);
        assertThat(mongo.findById(orderId.toString(), OrderTimelineDocument.class))
                .isNull();
        batch.commit();

        assertThat(timeline().entries())
                .extracting(TimelineEntry::eventType)
                .containsExactly("StockReservedEvent", "StockReleasedEvent");
    }

    private OrderTimeline timeline() {
        return timelines.handle(new FindOrderTimelineQuery(orderId));
    }

    private static <T> EventMessage<T> tracked(T payload, long position, Instant at) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), untracked(payload, at));
    }

    private static <T> EventMessage<T> untracked(T payload, Instant at) {
        return new GenericEventMessage<>(
                new GenericMessage<>(payload, Map.of(CorrelationId.METADATA_KEY, CORRELATION_ID)), () -> at);
    }
}
