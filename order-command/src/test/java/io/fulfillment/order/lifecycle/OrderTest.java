package io.fulfillment.order.lifecycle;

import static io.fulfillment.order.OrderFixtures.CUSTOMER_ID;
import static io.fulfillment.order.OrderFixtures.KEYBOARD;
import static io.fulfillment.order.OrderFixtures.KEYBOARD_PRICE;
import static io.fulfillment.order.OrderFixtures.MOUSE;
import static io.fulfillment.order.OrderFixtures.ORDER_ID;
import static io.fulfillment.order.OrderFixtures.orderPlaced;
import static io.fulfillment.order.OrderFixtures.placeOrder;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.CancelOrderCommand;
import io.fulfillment.contracts.order.ConfirmOrderCommand;
import io.fulfillment.contracts.order.MarkOrderPaidCommand;
import io.fulfillment.contracts.order.MarkOrderStockReservedCommand;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderShippingScheduledEvent;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.order.RejectOrderCommand;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.shipping.ShipmentId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final PaymentId PAYMENT_ID = PaymentId.of("payment-order-42");
    private static final ShipmentId SHIPMENT_ID = ShipmentId.of("shipment-order-42");
    private static final RejectionCode OUT_OF_STOCK = RejectionCode.OUT_OF_STOCK;
    private static final String CHANGED_MIND = "changed my mind";
    private static final CustomerId ANOTHER_CUSTOMER = CustomerId.of("customer-bob");

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    private static OrderStockReservedEvent stockReserved() {
        return new OrderStockReservedEvent(ORDER_ID);
    }

    private static OrderPaidEvent paid() {
        return new OrderPaidEvent(ORDER_ID, PAYMENT_ID);
    }

    private static OrderShippingScheduledEvent shippingScheduled() {
        return new OrderShippingScheduledEvent(ORDER_ID, SHIPMENT_ID);
    }

    @Nested
    class PlaceOrder {

        @Test
        void placesOrderWithTotalOfAllLines() {
            fixture.givenNoPriorActivity().when(placeOrder()).expectEvents(orderPlaced());
        }

        @Test
        void answersTheSameRequestAgainWithoutPlacingAnything() {
            fixture.given(orderPlaced())
                    .when(placeOrder())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesADifferentRequestForAnOrderAlreadyPlaced() {
            fixture.given(orderPlaced())
                    .when(placeOrder(List.of(new OrderLine(KEYBOARD, 1, KEYBOARD_PRICE))))
                    .expectException(OrderPlacedDifferentlyException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesOrderWithoutLines() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(List.of()))
                    .expectException(InvalidOrderException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesNonPositiveQuantity() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(List.of(new OrderLine(KEYBOARD, 0, KEYBOARD_PRICE))))
                    .expectException(InvalidOrderException.class);
        }

        @Test
        void refusesSameProductInTwoLines() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(List.of(
                            new OrderLine(KEYBOARD, 1, KEYBOARD_PRICE), new OrderLine(KEYBOARD, 2, KEYBOARD_PRICE))))
                    .expectException(InvalidOrderException.class);
        }

        @Test
        void refusesLinesInDifferentCurrencies() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(List.of(
                            new OrderLine(KEYBOARD, 1, KEYBOARD_PRICE),
                            new OrderLine(MOUSE, 1, Money.of("20", "USD")))))
                    .expectException(InvalidOrderException.class);
        }
    }

    @Nested
    class MarkStockReserved {

        @Test
        void marksPlacedOrderStockReserved() {
            fixture.given(orderPlaced())
                    .when(new MarkOrderStockReservedCommand(ORDER_ID))
                    .expectEvents(stockReserved());
        }

        @Test
        void ignoresRepeatedStep() {
            fixture.given(orderPlaced(), stockReserved())
                    .when(new MarkOrderStockReservedCommand(ORDER_ID))
                    .expectNoEvents();
        }

        @Test
        void refusesStepOnCancelledOrder() {
            fixture.given(orderPlaced(), new OrderCancelledEvent(ORDER_ID, CHANGED_MIND))
                    .when(new MarkOrderStockReservedCommand(ORDER_ID))
                    .expectException(OrderStepOutOfOrderException.class);
        }
    }

    @Nested
    class MarkPaid {

        @Test
        void marksReservedOrderPaid() {
            fixture.given(orderPlaced(), stockReserved())
                    .when(new MarkOrderPaidCommand(ORDER_ID, PAYMENT_ID))
                    .expectEvents(paid());
        }

        @Test
        void recordsTheReservationItImpliesWhenItsReportArrivesFirst() {
            fixture.given(orderPlaced())
                    .when(new MarkOrderPaidCommand(ORDER_ID, PAYMENT_ID))
                    .expectEvents(stockReserved(), paid());
        }

        @Test
        void ignoresAReservationReportThatArrivesAfterPayment() {
            fixture.given(orderPlaced(), stockReserved(), paid())
                    .when(new MarkOrderStockReservedCommand(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesProgressOfARejectedOrder() {
            fixture.given(orderPlaced(), new OrderRejectedEvent(ORDER_ID, OUT_OF_STOCK))
                    .when(new MarkOrderPaidCommand(ORDER_ID, PAYMENT_ID))
                    .expectException(OrderStepOutOfOrderException.class);
        }
    }

    @Nested
    class Confirm {

        @Test
        void recordsTheScheduledShipmentAndConfirmsAPaidOrder() {
            fixture.given(orderPlaced(), stockReserved(), paid())
                    .when(new ConfirmOrderCommand(ORDER_ID, PAYMENT_ID, SHIPMENT_ID))
                    .expectEvents(shippingScheduled(), new OrderConfirmedEvent(ORDER_ID));
        }

        @Test
        void recordsEveryStepItImpliesWhenEarlierReportsAreStillOnTheirWay() {
            fixture.given(orderPlaced())
                    .when(new ConfirmOrderCommand(ORDER_ID, PAYMENT_ID, SHIPMENT_ID))
                    .expectEvents(stockReserved(), paid(), shippingScheduled(), new OrderConfirmedEvent(ORDER_ID));
        }

        @Test
        void ignoresRepeatedConfirmation() {
            fixture.given(
                            orderPlaced(),
                            stockReserved(),
                            paid(),
                            shippingScheduled(),
                            new OrderConfirmedEvent(ORDER_ID))
                    .when(new ConfirmOrderCommand(ORDER_ID, PAYMENT_ID, SHIPMENT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesConfirmationOfACancelledOrder() {
            fixture.given(orderPlaced(), stockReserved(), paid(), new OrderCancelledEvent(ORDER_ID, "changed my mind"))
                    .when(new ConfirmOrderCommand(ORDER_ID, PAYMENT_ID, SHIPMENT_ID))
                    .expectException(OrderStepOutOfOrderException.class);
        }
    }

    @Nested
    class Reject {

        @Test
        void rejectsOrderInFlightWithReason() {
            fixture.given(orderPlaced(), stockReserved())
                    .when(new RejectOrderCommand(ORDER_ID, OUT_OF_STOCK))
                    .expectEvents(new OrderRejectedEvent(ORDER_ID, OUT_OF_STOCK));
        }

        @Test
        void ignoresRejectionOfOrderThatAlreadyEnded() {
            fixture.given(orderPlaced(), new OrderCancelledEvent(ORDER_ID, CHANGED_MIND))
                    .when(new RejectOrderCommand(ORDER_ID, OUT_OF_STOCK))
                    .expectNoEvents();
        }

        @Test
        void refusesRejectionOfConfirmedOrder() {
            fixture.given(
                            orderPlaced(),
                            stockReserved(),
                            paid(),
                            shippingScheduled(),
                            new OrderConfirmedEvent(ORDER_ID))
                    .when(new RejectOrderCommand(ORDER_ID, OUT_OF_STOCK))
                    .expectException(OrderStepOutOfOrderException.class);
        }
    }

    @Nested
    class Cancel {

        @Test
        void cancelsPlacedOrder() {
            fixture.given(orderPlaced())
                    .when(new CancelOrderCommand(ORDER_ID, CHANGED_MIND))
                    .expectEvents(new OrderCancelledEvent(ORDER_ID, CHANGED_MIND));
        }

        @Test
        void cancelsOrderForTheCustomerWhoPlacedIt() {
            fixture.given(orderPlaced())
                    .when(new CancelOrderCommand(ORDER_ID, CHANGED_MIND, CUSTOMER_ID))
                    .expectEvents(new OrderCancelledEvent(ORDER_ID, CHANGED_MIND));
        }

        @Test
        void hidesTheOrderFromAnotherCustomer() {
            fixture.given(orderPlaced())
                    .when(new CancelOrderCommand(ORDER_ID, CHANGED_MIND, ANOTHER_CUSTOMER))
                    .expectException(OrderNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void cancelsPaidOrder() {
            fixture.given(orderPlaced(), stockReserved(), paid())
                    .when(new CancelOrderCommand(ORDER_ID, CHANGED_MIND))
                    .expectEvents(new OrderCancelledEvent(ORDER_ID, CHANGED_MIND));
        }

        @Test
        void ignoresSecondCancellation() {
            fixture.given(orderPlaced(), new OrderCancelledEvent(ORDER_ID, CHANGED_MIND))
                    .when(new CancelOrderCommand(ORDER_ID, CHANGED_MIND))
                    .expectNoEvents();
        }

        @Test
        void refusesCancellationOnceShippingIsScheduled() {
            fixture.given(orderPlaced(), stockReserved(), paid(), shippingScheduled())
                    .when(new CancelOrderCommand(ORDER_ID, CHANGED_MIND))
                    .expectException(OrderNotCancellableException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesCancellationOfRejectedOrder() {
            fixture.given(orderPlaced(), new OrderRejectedEvent(ORDER_ID, OUT_OF_STOCK))
                    .when(new CancelOrderCommand(ORDER_ID, CHANGED_MIND))
                    .expectException(OrderNotCancellableException.class);
        }
    }
}
