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
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.chassis.json.ContractIdsModule;
import io.fulfillment.contracts.inventory.ReleaseStockCommand;
import io.fulfillment.contracts.inventory.ReserveStockCommand;
import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.order.ConfirmOrderCommand;
import io.fulfillment.contracts.order.MarkOrderPaidCommand;
import io.fulfillment.contracts.order.MarkOrderStockReservedCommand;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.RejectOrderCommand;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.payment.CancelPaymentCommand;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentFailure;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.RequestPaymentCommand;
import io.fulfillment.contracts.shipping.CancelShipmentCommand;
import io.fulfillment.contracts.shipping.DeliveryRefusal;
import io.fulfillment.contracts.shipping.ScheduleShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import io.fulfillment.order.fulfillment.OrderFulfillmentSaga.Step;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderFulfillmentSagaTest {

    private static final Duration STOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHIPMENT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration ORDER_UPDATE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RECHECK = Duration.ofSeconds(1);
    private static final String STOCK_DEADLINE = Step.RESERVING_STOCK.deadlineName;
    private static final String PAYMENT_DEADLINE = Step.AWAITING_PAYMENT.deadlineName;
    private static final String SHIPMENT_DEADLINE = Step.SCHEDULING_SHIPMENT.deadlineName;
    private static final String CONFIRMATION_DEADLINE = Step.CONFIRMING.deadlineName;
    private static final String REJECTION_DEADLINE = Step.REJECTING.deadlineName;
    private static final PaymentId PAYMENT_ID = OrderFulfillmentSaga.paymentIdFor(ORDER_ID);
    private static final ShipmentId SHIPMENT_ID = OrderFulfillmentSaga.shipmentIdFor(ORDER_ID);
    private static final String PSP_TRANSACTION = "psp-tx-1";
    private static final String CARD_DECLINED = "card declined";
    private static final String CHANGED_MIND = "changed my mind";
    private static final RejectionCode OUT_OF_MICE = RejectionCode.OUT_OF_STOCK;
    private static final String ORDER = ORDER_ID.toString();

    private SagaTestFixture<OrderFulfillmentSaga> fixture;
    private final Backlog backlog = new Backlog();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfillmentSaga.class);
        fixture.registerResource(new SagaProperties(
                STOCK_TIMEOUT, PAYMENT_TIMEOUT, SHIPMENT_TIMEOUT, ORDER_UPDATE_TIMEOUT, RECHECK, 0, Duration.ZERO));
        fixture.registerResource(new FulfillmentCommands(DefaultCommandGateway.builder()
                .commandBus(fixture.getCommandBus())
                .build()));
        fixture.registerResource(backlog);
    }

    /** The saga processor's position against the store's head, as a test sets them. */
    static final class Backlog implements SagaBacklog {
        long head = 10;
        long handled = 10;

        @Override
        public OptionalLong headPosition() {
            return OptionalLong.of(head);
        }

        @Override
        public boolean hasHandledUpTo(long position) {
            return handled >= position;
        }
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

    private static ConfirmOrderCommand confirmOrder() {
        return new ConfirmOrderCommand(ORDER_ID, PAYMENT_ID, SHIPMENT_ID);
    }

    private static OrderRejectedEvent orderRejected(RejectionCode reason) {
        return new OrderRejectedEvent(ORDER_ID, reason);
    }

    private static CommandExecutionException refusal() {
        return new CommandExecutionException(
                "refused", null, new ErrorDetails(ErrorKind.CONFLICT, "refused", "the receiver said no"));
    }

    @Nested
    class HappyPath {

        @Test
        void reservesStockForEveryLineWhenOrderIsPlaced() throws Exception {
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
        void reservesLinesInProductOrderSoSagasNeverLockEachOther() throws Exception {
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
        void waitsUntilEveryLineIsReserved() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .whenPublishingA(keyboardsReserved())
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadlineWithName(STOCK_TIMEOUT, STOCK_DEADLINE);
        }

        @Test
        void requestsPaymentOnceAllStockIsReservedAndReplacesTheDeadline() throws Exception {
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
        void schedulesShipmentOncePaid() throws Exception {
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
        void confirmsOrderWithOneCommandOnceShipmentIsScheduledAndKeepsADeadline() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .whenPublishingA(shipmentScheduled())
                    .expectDispatchedCommands(confirmOrder())
                    .expectNoScheduledDeadlineWithName(SHIPMENT_TIMEOUT, SHIPMENT_DEADLINE)
                    .expectScheduledDeadlineWithName(ORDER_UPDATE_TIMEOUT, CONFIRMATION_DEADLINE)
                    .expectActiveSagas(1);
        }

        @Test
        void endsOnlyWhenOrderIsConfirmed() throws Exception {
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
    class StepFails {

        @Test
        void asksTheOrderToRejectItselfWhenALineIsOutOfStockAndUndoesNothingYet() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .whenPublishingA(mouseOutOfStock())
                    .expectDispatchedCommands(new RejectOrderCommand(ORDER_ID, OUT_OF_MICE))
                    .expectScheduledDeadlineWithName(ORDER_UPDATE_TIMEOUT, REJECTION_DEADLINE)
                    .expectActiveSagas(1);
        }

        @Test
        void releasesEveryLineNotRefusedOnceTheOrderIsRejectedAndEnds() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseOutOfStock())
                    .whenPublishingA(orderRejected(OUT_OF_MICE))
                    .expectDispatchedCommands(releaseKeyboards())
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void releasesAReservationStillUnansweredWhenTheOrderIsRejected() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(mouseOutOfStock())
                    .whenPublishingA(orderRejected(OUT_OF_MICE))
                    .expectDispatchedCommands(releaseKeyboards())
                    .expectActiveSagas(0);
        }

        @Test
        void rejectsOrderWhenPaymentIsDeclinedThenAbandonsPaymentAndReleasesStock() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(new PaymentDeclinedEvent(PAYMENT_ID, ORDER_ID, CARD_DECLINED))
                    .whenPublishingA(orderRejected(RejectionCode.PAYMENT_DECLINED))
                    .expectDispatchedCommands(
                            new CancelPaymentCommand(PAYMENT_ID, ORDER_ID, "order rejected: PAYMENT_DECLINED"),
                            releaseKeyboards(),
                            releaseMouse())
                    .expectActiveSagas(0);
        }

        @Test
        void asksForRejectionWhenPaymentFails() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenPublishingA(new PaymentFailedEvent(PAYMENT_ID, ORDER_ID, PaymentFailure.PROVIDER_UNAVAILABLE))
                    .expectDispatchedCommands(new RejectOrderCommand(ORDER_ID, RejectionCode.PAYMENT_FAILED))
                    .expectScheduledDeadlineWithName(ORDER_UPDATE_TIMEOUT, REJECTION_DEADLINE);
        }

        @Test
        void asksForRejectionWithTheDeclineCodeWhenPaymentIsDeclined() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenPublishingA(new PaymentDeclinedEvent(PAYMENT_ID, ORDER_ID, CARD_DECLINED))
                    .expectDispatchedCommands(new RejectOrderCommand(ORDER_ID, RejectionCode.PAYMENT_DECLINED));
        }

        @Test
        void asksForRejectionAsUndeliverableWhenShipmentIsRejected() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .whenPublishingA(new ShipmentRejectedEvent(SHIPMENT_ID, ORDER_ID, DeliveryRefusal.NO_POSTAL_CODE))
                    .expectDispatchedCommands(new RejectOrderCommand(ORDER_ID, RejectionCode.ADDRESS_NOT_DELIVERABLE));
        }

        @Test
        void cancelsShipmentRefundsAndReleasesWhenShipmentIsRejected() throws Exception {
            String reason = "order rejected: ADDRESS_NOT_DELIVERABLE";
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .andThenAPublished(
                            new ShipmentRejectedEvent(SHIPMENT_ID, ORDER_ID, DeliveryRefusal.COUNTRY_NOT_SERVED))
                    .whenPublishingA(orderRejected(RejectionCode.ADDRESS_NOT_DELIVERABLE))
                    .expectDispatchedCommands(
                            new CancelShipmentCommand(SHIPMENT_ID, ORDER_ID, reason),
                            new CancelPaymentCommand(PAYMENT_ID, ORDER_ID, reason),
                            releaseKeyboards(),
                            releaseMouse())
                    .expectActiveSagas(0);
        }

        @Test
        void undoesEverythingRequestedWhenTheCustomerCancels() throws Exception {
            String reason = "cancelled by the customer: " + CHANGED_MIND;
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .whenPublishingA(new OrderCancelledEvent(ORDER_ID, CHANGED_MIND))
                    .expectDispatchedCommands(
                            new CancelShipmentCommand(SHIPMENT_ID, ORDER_ID, reason),
                            new CancelPaymentCommand(PAYMENT_ID, ORDER_ID, reason),
                            releaseKeyboards(),
                            releaseMouse())
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class Deadlines {

        @Test
        void asksForRejectionWhenStockIsNotReservedInTime() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .whenTimeElapses(STOCK_TIMEOUT)
                    .expectDeadlinesMet(new OrderFulfillmentSaga.StepDeadline(Step.RESERVING_STOCK, -1))
                    .expectDispatchedCommands(
                            new RejectOrderCommand(ORDER_ID, RejectionCode.STOCK_RESERVATION_TIMED_OUT))
                    .expectScheduledDeadlineWithName(ORDER_UPDATE_TIMEOUT, REJECTION_DEADLINE);
        }

        @Test
        void waitsWhileTheSagaIsBehindTheStoreInsteadOfGivingUp() throws Exception {
            backlog.head = 500;
            backlog.handled = 20;
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .whenTimeElapses(STOCK_TIMEOUT)
                    .expectNoDispatchedCommands()
                    .expectScheduledDeadline(RECHECK, new OrderFulfillmentSaga.StepDeadline(Step.RESERVING_STOCK, 500));
        }

        @Test
        void givesUpOnceTheSagaHasCaughtUpWithWhatWasStoredWhenTheDeadlineCameDue() throws Exception {
            backlog.head = 500;
            backlog.handled = 20;
            fixture.givenAggregate(ORDER).published(orderPlaced()).andThenTimeElapses(STOCK_TIMEOUT);
            backlog.handled = 500;
            backlog.head = 900;
            fixture.whenTimeElapses(RECHECK)
                    .expectDispatchedCommands(
                            new RejectOrderCommand(ORDER_ID, RejectionCode.STOCK_RESERVATION_TIMED_OUT));
        }

        @Test
        void asksAgainForConfirmationInsteadOfGivingUpOnceShipmentIsScheduled() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .andThenAPublished(shipmentScheduled())
                    .whenTimeElapses(ORDER_UPDATE_TIMEOUT)
                    .expectDispatchedCommands(confirmOrder())
                    .expectScheduledDeadlineWithName(ORDER_UPDATE_TIMEOUT, CONFIRMATION_DEADLINE)
                    .expectActiveSagas(1);
        }

        @Test
        void asksAgainForRejectionUntilTheOrderRecordsIt() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(mouseOutOfStock())
                    .whenTimeElapses(ORDER_UPDATE_TIMEOUT)
                    .expectDispatchedCommands(new RejectOrderCommand(ORDER_ID, OUT_OF_MICE))
                    .expectScheduledDeadlineWithName(ORDER_UPDATE_TIMEOUT, REJECTION_DEADLINE);
        }
    }

    /** An answer that arrives after the saga began giving up is undone, whatever the order of arrival. */
    @Nested
    class LateAnswers {

        @Test
        void aReservationArrivingWhileRejectingIsReleasedWithTheRest() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenTimeElapses(STOCK_TIMEOUT)
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenPublishingA(orderRejected(RejectionCode.STOCK_RESERVATION_TIMED_OUT))
                    .expectDispatchedCommands(releaseKeyboards(), releaseMouse())
                    .expectActiveSagas(0);
        }

        @Test
        void aReservationArrivingWhileRejectingRequestsNoPayment() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenTimeElapses(STOCK_TIMEOUT)
                    .whenPublishingA(mouseReserved())
                    .expectNoDispatchedCommands();
        }

        @Test
        void aChargeArrivingAfterThePaymentDeadlineIsRefundedWithoutShipping() throws Exception {
            String reason = "order rejected: PAYMENT_TIMED_OUT";
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenTimeElapses(PAYMENT_TIMEOUT)
                    .andThenAPublished(paymentCharged())
                    .whenPublishingA(orderRejected(RejectionCode.PAYMENT_TIMED_OUT))
                    .expectDispatchedCommands(
                            new CancelPaymentCommand(PAYMENT_ID, ORDER_ID, reason), releaseKeyboards(), releaseMouse())
                    .expectActiveSagas(0);
        }

        @Test
        void aShipmentScheduledAfterTheShipmentDeadlineIsCancelledNotConfirmed() throws Exception {
            String reason = "order rejected: SHIPMENT_SCHEDULING_TIMED_OUT";
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .andThenTimeElapses(SHIPMENT_TIMEOUT)
                    .andThenAPublished(shipmentScheduled())
                    .whenPublishingA(orderRejected(RejectionCode.SHIPMENT_SCHEDULING_TIMED_OUT))
                    .expectDispatchedCommands(
                            new CancelShipmentCommand(SHIPMENT_ID, ORDER_ID, reason),
                            new CancelPaymentCommand(PAYMENT_ID, ORDER_ID, reason),
                            releaseKeyboards(),
                            releaseMouse())
                    .expectActiveSagas(0);
        }

        @Test
        void aConfirmedOrderIsNeverCompensatedByAnOverdueDeadline() throws Exception {
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .andThenAPublished(shipmentScheduled())
                    .andThenAPublished(new OrderConfirmedEvent(ORDER_ID))
                    .whenTimeElapses(PAYMENT_TIMEOUT.plus(SHIPMENT_TIMEOUT))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0);
        }
    }

    /** Whatever way a dispatched command fails, the live deadline still brings the order to a terminal state. */
    @Nested
    class CommandFailures {

        @Test
        void aReservationThatFailsTechnicallyIsSettledByTheStockDeadline() throws Exception {
            fixture.setCallbackBehavior((payload, metaData) -> {
                if (payload instanceof ReserveStockCommand) {
                    throw new DeadlockException("lock cycle");
                }
                return null;
            });
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .whenTimeElapses(STOCK_TIMEOUT)
                    .expectDispatchedCommands(
                            new RejectOrderCommand(ORDER_ID, RejectionCode.STOCK_RESERVATION_TIMED_OUT));
        }

        @Test
        void aPaymentRequestWithNoHandlerIsSettledByThePaymentDeadline() throws Exception {
            fixture.setCallbackBehavior((payload, metaData) -> {
                if (payload instanceof RequestPaymentCommand) {
                    throw new NoHandlerForCommandException("payment-context is not connected");
                }
                return null;
            });
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .whenTimeElapses(PAYMENT_TIMEOUT)
                    .expectDispatchedCommands(new RejectOrderCommand(ORDER_ID, RejectionCode.PAYMENT_TIMED_OUT));
        }

        @Test
        void aRefusedShipmentRequestIsSettledByTheShipmentDeadline() throws Exception {
            fixture.setCallbackBehavior((payload, metaData) -> {
                if (payload instanceof ScheduleShipmentCommand) {
                    throw refusal();
                }
                return null;
            });
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .whenTimeElapses(SHIPMENT_TIMEOUT)
                    .expectDispatchedCommands(
                            new RejectOrderCommand(ORDER_ID, RejectionCode.SHIPMENT_SCHEDULING_TIMED_OUT));
        }

        @Test
        void aConfirmationThatFailsIsSentAgainUntilTheOrderIsConfirmed() throws Exception {
            fixture.setCallbackBehavior((payload, metaData) -> {
                if (payload instanceof ConfirmOrderCommand) {
                    throw new DeadlockException("lock cycle");
                }
                return null;
            });
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseReserved())
                    .andThenAPublished(paymentCharged())
                    .andThenAPublished(shipmentScheduled())
                    .andThenTimeElapses(ORDER_UPDATE_TIMEOUT)
                    .whenAggregate(ORDER)
                    .publishes(new OrderConfirmedEvent(ORDER_ID))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aRejectionThatFailsIsSentAgainAndTheOrderEndsRejectedAndUndone() throws Exception {
            fixture.setCallbackBehavior((payload, metaData) -> {
                if (payload instanceof RejectOrderCommand) {
                    throw new NoHandlerForCommandException("order-command is restarting");
                }
                return null;
            });
            fixture.givenAggregate(ORDER)
                    .published(orderPlaced())
                    .andThenAPublished(keyboardsReserved())
                    .andThenAPublished(mouseOutOfStock())
                    .andThenTimeElapses(ORDER_UPDATE_TIMEOUT)
                    .whenAggregate(ORDER)
                    .publishes(orderRejected(OUT_OF_MICE))
                    .expectDispatchedCommands(releaseKeyboards())
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }
    }

    /** A saga stored before ADR 0018 holds its rejection as text; it loads with that text's code. */
    @Nested
    class StoredState {

        private final ObjectMapper json = new ObjectMapper().registerModule(new ContractIdsModule());

        @Test
        void readsTheRejectionTextOfASagaStoredBeforeReasonsWereCodes() throws Exception {
            String stored =
                    """
                    {"reached":"AWAITING_PAYMENT","reserved":["keyboard","mouse"],"refused":[],
                     "rejection":"payment failed: payment provider failed after 3 attempts: charge answered 503"}""";

            OrderFulfillmentSaga.Progress progress = json.readValue(stored, OrderFulfillmentSaga.Progress.class);

            assertThat(progress.rejection()).isEqualTo(RejectionCode.PAYMENT_FAILED);
            assertThat(progress.isAt(Step.REJECTING)).isTrue();
        }

        @Test
        void readsBackTheProgressItStores() throws Exception {
            OrderFulfillmentSaga.Progress progress = OrderFulfillmentSaga.Progress.started()
                    .withReserved(KEYBOARD)
                    .withRefused(MOUSE)
                    .rejecting(RejectionCode.OUT_OF_STOCK);

            String stored = json.writeValueAsString(progress);

            assertThat(json.readValue(stored, OrderFulfillmentSaga.Progress.class))
                    .isEqualTo(progress);
        }
    }
}
