package io.fulfillment.order.fulfillment;

import static io.fulfillment.order.OrderFixtures.ADDRESS;
import static io.fulfillment.order.OrderFixtures.CUSTOMER_ID;
import static io.fulfillment.order.OrderFixtures.KEYBOARD;
import static io.fulfillment.order.OrderFixtures.KEYBOARDS_ORDERED;
import static io.fulfillment.order.OrderFixtures.KEYBOARD_PRICE;
import static io.fulfillment.order.OrderFixtures.MICE_ORDERED;
import static io.fulfillment.order.OrderFixtures.MOUSE;
import static io.fulfillment.order.OrderFixtures.MOUSE_PRICE;
import static io.fulfillment.order.OrderFixtures.ORDER_ID;
import static io.fulfillment.order.OrderFixtures.ORDER_TOTAL;
import static io.fulfillment.order.OrderFixtures.keyboardsReserved;
import static io.fulfillment.order.OrderFixtures.mouseOutOfStock;
import static io.fulfillment.order.OrderFixtures.mouseReserved;
import static io.fulfillment.order.OrderFixtures.orderPlaced;
import static io.fulfillment.order.fulfillment.OrderFulfillmentSaga.PAYMENT_DEADLINE;
import static io.fulfillment.order.fulfillment.OrderFulfillmentSaga.SHIPMENT_DEADLINE;
import static io.fulfillment.order.fulfillment.OrderFulfillmentSaga.STOCK_DEADLINE;

import io.fulfillment.contracts.inventory.ReleaseStockCommand;
import io.fulfillment.contracts.inventory.ReserveStockCommand;
import io.fulfillment.contracts.order.ConfirmOrderCommand;
import io.fulfillment.contracts.order.MarkOrderPaidCommand;
import io.fulfillment.contracts.order.MarkOrderShippingScheduledCommand;
import io.fulfillment.contracts.order.MarkOrderStockReservedCommand;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.RejectOrderCommand;
import io.fulfillment.contracts.payment.CancelPaymentCommand;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.RequestPaymentCommand;
import io.fulfillment.contracts.payment.RequestRefundCommand;
import io.fulfillment.contracts.shipping.CancelShipmentCommand;
import io.fulfillment.contracts.shipping.ScheduleShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import java.time.Duration;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderFulfillmentSagaTest {

    private static final Duration STOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHIPMENT_TIMEOUT = Duration.ofSeconds(20);
    private static final PaymentId PAYMENT_ID = OrderFulfillmentSaga.paymentIdFor(ORDER_ID);
    private static final ShipmentId SHIPMENT_ID = OrderFulfillmentSaga.shipmentIdFor(ORDER_ID);
    private static final String PSP_TRANSACTION = "psp-tx-1";
    private static final String CARD_DECLINED = "card declined";
    private static final String CHANGED_MIND = "changed my mind";
    private static final String ORDER = ORDER_ID.toString();

    private SagaTestFixture<OrderFulfillmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfillmentSaga.class);
        fixture.registerResource(new SagaProperties(STOCK_TIMEOUT, PAYMENT_TIMEOUT, SHIPMENT_TIMEOUT));
    }

    private static PaymentChargedEvent paymentCharged() {
        return new PaymentChargedEvent(PAYMENT_ID, ORDER_ID, ORDER_TOTAL, PSP_TRANSACTION);
    }

    private static ShipmentScheduledEvent shipmentScheduled() {
        return new ShipmentScheduledEvent(SHIPMENT_ID, ORDER_ID, ADDRESS, shipmentItems());
    }

    private static List<ShipmentItem> shipmentItems() {
        return List.of(new ShipmentItem(KEYBOARD, KEYBOARDS_ORDERED), new ShipmentItem(MOUSE, MICE_ORDERED));
    }

    private static ReleaseStockCommand releaseKeyboards() {
        return new ReleaseStockCommand(KEYBOARD, ORDER_ID);
    }

    private static ReleaseStockCommand releaseMouse() {
        return new ReleaseStockCommand(MOUSE, ORDER_ID);
    }

    @Nested
    class HappyPath {

        @Test
        void reservesStockForEveryLineWhenOrderIsPlaced() {
            fixture.givenNoPriorActivity()
                    .whenAggregate(ORDER)
                    .publishes(orderPlaced())
                    .expectActiveSagas(1)
                    .expectDispatchedCommands(
                            new ReserveStockCommand(KEYBOARD, ORDER_ID, KEYBOARDS_ORDERED),
                            new ReserveStockCommand(MOUSE, ORDER_ID, MICE_ORDERED))
                    .expectScheduledDeadlineWithName(STOCK_TIMEOUT, STOCK_DEADLINE);
        }

        @Test
        void reservesLinesInProductOrderSoSagasNeverLockEachOther() {
            List<OrderLine> mouseFirst = List.of(
                    new OrderLine(MOUSE, MICE_ORDERED, MOUSE_PRICE),
                    new OrderLine(KEYBOARD, KEYBOARDS_ORDERED, KEYBOARD_PRICE));

            fixture.givenNoPriorActivity()
                    .whenAggregate(ORDER)
                    .publishes(new OrderPlacedEvent(ORDER_ID, CUSTOMER_ID, mouseFirst, ADDRESS, ORDER_TOTAL))
                    .expectDispatchedCommands(
                            new ReserveStockCommand(KEYBOARD, ORDER_ID, KEYBOARDS_ORDERED),
                            new ReserveStockCommand(MOUSE, ORDER_ID, MICE_ORDERED));
        }

        @Test
        void waitsUntilEveryLineIsReserved() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .whenPublishingA(keyboardsReserved())
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(STOCK_TIMEOUT, STOCK_DEADLINE);
        }

        @Test
        void requestsPaymentOnceAllStockIsReserved() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .whenPublishingA(mouseReserved())
                    .expectDispatchedCommands(
                            new MarkOrderStockReservedCommand(ORDER_ID),
                            new RequestPaymentCommand(PAYMENT_ID, ORDER_ID, CUSTOMER_ID, ORDER_TOTAL))
                    .expectNoScheduledDeadlineWithName(STOCK_TIMEOUT, STOCK_DEADLINE)
                    .expectScheduledDeadlineWithName(PAYMENT_TIMEOUT, PAYMENT_DEADLINE);
        }

        @Test
        void schedulesShipmentOncePaid() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenPublishingA(paymentCharged())
                    .expectDispatchedCommands(
                            new MarkOrderPaidCommand(ORDER_ID, PAYMENT_ID),
                            new ScheduleShipmentCommand(SHIPMENT_ID, ORDER_ID, ADDRESS, shipmentItems()))
                    .expectNoScheduledDeadlineWithName(PAYMENT_TIMEOUT, PAYMENT_DEADLINE)
                    .expectScheduledDeadlineWithName(SHIPMENT_TIMEOUT, SHIPMENT_DEADLINE);
        }

        @Test
        void confirmsOrderOnceShipmentIsScheduled() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .whenPublishingA(shipmentScheduled())
                    .expectDispatchedCommands(
                            new MarkOrderShippingScheduledCommand(ORDER_ID, SHIPMENT_ID),
                            new ConfirmOrderCommand(ORDER_ID))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void endsWhenOrderIsConfirmed() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .andThenAPublished(shipmentScheduled())
                    .whenPublishingA(new OrderConfirmedEvent(ORDER_ID))
                    .expectActiveSagas(0)
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class OutOfStock {

        @Test
        void releasesReservedLinesAndRejectsOrder() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .whenPublishingA(mouseOutOfStock())
                    .expectDispatchedCommands(
                            releaseKeyboards(),
                            new RejectOrderCommand(ORDER_ID, "out of stock: product mouse (requested 1, available 0)"))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void waitsForLinesStillUnansweredAndReleasesThemOnArrival() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(mouseOutOfStock())
                    .whenPublishingA(keyboardsReserved())
                    .expectDispatchedCommands(releaseKeyboards())
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void rejectsOrderWhenReservationTimesOut() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .whenTimeElapses(STOCK_TIMEOUT)
                    .expectDispatchedCommands(
                            releaseMouse(),
                            releaseKeyboards(),
                            new RejectOrderCommand(ORDER_ID, "stock reservation timed out"))
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class PaymentFailures {

        @Test
        void releasesStockAndRejectsOrderWhenPaymentIsDeclined() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenPublishingA(new PaymentDeclinedEvent(PAYMENT_ID, ORDER_ID, CARD_DECLINED))
                    .expectDispatchedCommands(
                            new CancelPaymentCommand(PAYMENT_ID, "payment declined: card declined"),
                            releaseKeyboards(),
                            releaseMouse(),
                            new RejectOrderCommand(ORDER_ID, "payment declined: card declined"))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void releasesStockAndRejectsOrderWhenPaymentProviderFails() {
            String reason = "payment failed: payment provider unavailable";
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenPublishingA(new PaymentFailedEvent(PAYMENT_ID, ORDER_ID, "payment provider unavailable"))
                    .expectDispatchedCommands(
                            new CancelPaymentCommand(PAYMENT_ID, reason),
                            releaseKeyboards(),
                            releaseMouse(),
                            new RejectOrderCommand(ORDER_ID, reason))
                    .expectActiveSagas(0);
        }

        @Test
        void voidsPaymentReleasesStockAndRejectsOrderWhenPaymentTimesOut() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenTimeElapses(PAYMENT_TIMEOUT)
                    .expectTriggeredDeadlinesWithName(PAYMENT_DEADLINE)
                    .expectDispatchedCommands(
                            new CancelPaymentCommand(PAYMENT_ID, "payment timed out"),
                            releaseKeyboards(),
                            releaseMouse(),
                            new RejectOrderCommand(ORDER_ID, "payment timed out"))
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class ShipmentRejected {

        @Test
        void refundsReleasesStockAndRejectsOrder() {
            String reason = "shipment rejected: country AQ is outside the delivery area";
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .whenPublishingA(
                            new ShipmentRejectedEvent(SHIPMENT_ID, ORDER_ID, "country AQ is outside the delivery area"))
                    .expectDispatchedCommands(
                            new RequestRefundCommand(PAYMENT_ID, reason),
                            releaseKeyboards(),
                            releaseMouse(),
                            new RejectOrderCommand(ORDER_ID, reason))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void refundsReleasesStockAndRejectsOrderWhenSchedulingTimesOut() {
            String reason = "shipment scheduling timed out";
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .whenTimeElapses(SHIPMENT_TIMEOUT)
                    .expectDispatchedCommands(
                            new RequestRefundCommand(PAYMENT_ID, reason),
                            releaseKeyboards(),
                            releaseMouse(),
                            new RejectOrderCommand(ORDER_ID, reason))
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class CustomerCancellation {

        private static final String CANCELLED = "cancelled by the customer: changed my mind";

        @Test
        void releasesReservedLinesAndWaitsForTheRest() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .whenPublishingA(new OrderCancelledEvent(ORDER_ID, CHANGED_MIND))
                    .expectDispatchedCommands(releaseKeyboards())
                    .expectScheduledDeadlineWithName(STOCK_TIMEOUT, STOCK_DEADLINE)
                    .expectActiveSagas(1);
        }

        @Test
        void releasesLateReservationAndEnds() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(new OrderCancelledEvent(ORDER_ID, CHANGED_MIND))
                    .whenPublishingA(mouseReserved())
                    .expectDispatchedCommands(releaseMouse())
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void voidsPendingPaymentAndReleasesStockBeforePayment() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenPublishingA(new OrderCancelledEvent(ORDER_ID, CHANGED_MIND))
                    .expectDispatchedCommands(
                            new CancelPaymentCommand(PAYMENT_ID, CANCELLED), releaseKeyboards(), releaseMouse())
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void refundsAndReleasesStockAfterPayment() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .whenPublishingA(new OrderCancelledEvent(ORDER_ID, CHANGED_MIND))
                    .expectDispatchedCommands(
                            new RequestRefundCommand(PAYMENT_ID, CANCELLED), releaseKeyboards(), releaseMouse())
                    .expectScheduledDeadlineWithName(SHIPMENT_TIMEOUT, SHIPMENT_DEADLINE)
                    .expectActiveSagas(1);
        }

        @Test
        void cancelsShipmentScheduledAfterCancellationAndEnds() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .andThenAPublished(new OrderCancelledEvent(ORDER_ID, CHANGED_MIND))
                    .whenPublishingA(shipmentScheduled())
                    .expectDispatchedCommands(
                            new CancelShipmentCommand(SHIPMENT_ID, "order " + ORDER_ID + " was withdrawn"))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class DuplicateEvents {

        @Test
        void ignoresRepeatedReservation() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenPublishingA(mouseReserved())
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }

        @Test
        void ignoresRepeatedCharge() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .whenPublishingA(paymentCharged())
                    .expectNoDispatchedCommands();
        }

        @Test
        void ignoresRepeatedShipmentScheduling() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .andThenAPublished(shipmentScheduled())
                    .whenPublishingA(shipmentScheduled())
                    .expectNoDispatchedCommands();
        }

        @Test
        void ignoresRepeatedOrderPlacement() {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .whenPublishingA(orderPlaced())
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }
    }
}
