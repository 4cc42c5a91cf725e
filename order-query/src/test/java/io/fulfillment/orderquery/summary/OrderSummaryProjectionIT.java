package io.fulfillment.orderquery.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.FindOrderSummaryQuery;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.order.OrderSummary;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.order.RejectionReason;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.orderquery.testapp.OrderQueryContextTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The projection's guarantees under redelivery and replay, exercised by handing it events directly. */
@OrderQueryContextTest
class OrderSummaryProjectionIT {

    private static final Instant PLACED_AT = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant LATER = PLACED_AT.plusSeconds(60);
    private static final Instant MUCH_LATER = PLACED_AT.plusSeconds(600);
    private static final Money PRICE = Money.of("10.00", "EUR");
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Grace Hopper", "2 Compiler Road", "20095", "Hamburg", "DE");

    @Autowired
    OrderSummaryProjection projection;

    @Autowired
    OrderSummaryQueries summaries;

    @Autowired
    QueryGateway queries;

    private final OrderId orderId = OrderId.newId();

    @Test
    void ignoresAnEventNoNewerThanTheLastOneApplied() {
        projection.on(placed(), 0, PLACED_AT, ReplayStatus.REGULAR);
        projection.on(new OrderStockReservedEvent(orderId), 1, LATER, ReplayStatus.REGULAR);
        projection.on(new OrderPaidEvent(orderId, PaymentId.newId()), 2, LATER, ReplayStatus.REGULAR);

        projection.on(new OrderCancelledEvent(orderId, "stale"), 2, MUCH_LATER, ReplayStatus.REGULAR);
        projection.on(new OrderStockReservedEvent(orderId), 1, MUCH_LATER, ReplayStatus.REGULAR);

        OrderSummary summary = summaries.handle(new FindOrderSummaryQuery(orderId));
        assertThat(summary.status()).isEqualTo(OrderStatus.PAID);
        assertThat(summary.rejectionReason()).isNull();
        assertThat(summary.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void keepsTheFirstPlacementWhenItIsRedelivered() {
        projection.on(placed(), 0, PLACED_AT, ReplayStatus.REGULAR);
        projection.on(new OrderStockReservedEvent(orderId), 1, LATER, ReplayStatus.REGULAR);

        projection.on(placed(), 0, MUCH_LATER, ReplayStatus.REGULAR);

        OrderSummary summary = summaries.handle(new FindOrderSummaryQuery(orderId));
        assertThat(summary.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
        assertThat(summary.placedAt()).isEqualTo(PLACED_AT);
    }

    @Test
    void announcesChangesToSubscribersButNotWhileReplaying() {
        projection.on(placed(), 0, PLACED_AT, ReplayStatus.REGULAR);
        List<OrderSummary> updates = new CopyOnWriteArrayList<>();
        SubscriptionQueryResult<OrderSummary, OrderSummary> subscription =
                queries.subscriptionQuery(new FindOrderSummaryQuery(orderId), OrderSummary.class, OrderSummary.class);
        try {
            subscription.updates().subscribe(updates::add);

            projection.on(new OrderStockReservedEvent(orderId), 1, LATER, ReplayStatus.REPLAY);
            projection.on(new OrderPaidEvent(orderId, PaymentId.newId()), 2, MUCH_LATER, ReplayStatus.REGULAR);

            await().until(() -> !updates.isEmpty());
            assertThat(updates).extracting(OrderSummary::status).containsExactly(OrderStatus.PAID);
        } finally {
            subscription.close();
        }
    }

    @Test
    void announcesEachChangeOfABatchAsItLeftTheSummaryOnceTheBatchHasCommitted() {
        projection.on(placed(), 0, PLACED_AT, ReplayStatus.REGULAR);
        List<OrderSummary> updates = new CopyOnWriteArrayList<>();
        SubscriptionQueryResult<OrderSummary, OrderSummary> subscription =
                queries.subscriptionQuery(new FindOrderSummaryQuery(orderId), OrderSummary.class, OrderSummary.class);
        try {
            subscription.updates().subscribe(updates::add);
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
            projection.on(new OrderStockReservedEvent(orderId), 1, LATER, ReplayStatus.REGULAR);
            projection.on(
                    new OrderRejectedEvent(orderId, RejectionCode.PAYMENT_DECLINED),
                    2,
                    MUCH_LATER,
                    ReplayStatus.REGULAR);
            projection.on(new OrderStockReservedEvent(orderId), 1, MUCH_LATER, ReplayStatus.REGULAR);

            assertThat(summaries.handle(new FindOrderSummaryQuery(orderId)).status())
                    .isEqualTo(OrderStatus.PLACED);
            batch.commit();

            await().until(() -> updates.size() >= 2);
            assertThat(updates)
                    .extracting(OrderSummary::status, OrderSummary::rejectionReason, OrderSummary::updatedAt)
                    .containsExactly(
                            tuple(OrderStatus.STOCK_RESERVED, null, LATER),
                            tuple(
                                    OrderStatus.REJECTED,
                                    new RejectionReason(RejectionCode.PAYMENT_DECLINED, "The payment was declined."),
                                    MUCH_LATER));
            assertThat(summaries.handle(new FindOrderSummaryQuery(orderId))).isEqualTo(updates.get(1));
        } finally {
            subscription.close();
        }
    }

    @Test
    void announcesNothingAndKeepsTheSummaryWhenTheBatchRollsBack() {
        projection.on(placed(), 0, PLACED_AT, ReplayStatus.REGULAR);
        List<OrderSummary> updates = new CopyOnWriteArrayList<>();
        SubscriptionQueryResult<OrderSummary, OrderSummary> subscription =
                queries.subscriptionQuery(new FindOrderSummaryQuery(orderId), OrderSummary.class, OrderSummary.class);
        try {
            subscription.updates().subscribe(updates::add);
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
            projection.on(new OrderStockReservedEvent(orderId), 1, LATER, ReplayStatus.REGULAR);

            batch.rollback();
            projection.on(new OrderPaidEvent(orderId, PaymentId.newId()), 2, MUCH_LATER, ReplayStatus.REGULAR);

            await().until(() -> !updates.isEmpty());
            assertThat(updates).extracting(OrderSummary::status).containsExactly(OrderStatus.PAID);
        } finally {
            subscription.close();
        }
    }

    private OrderPlacedEvent placed() {
        return new OrderPlacedEvent(
                orderId,
                CustomerId.newId(),
                List.of(new OrderLine(ProductId.of("pencil"), 3, PRICE)),
                ADDRESS,
                PRICE.times(3));
    }
}
