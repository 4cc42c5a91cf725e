package io.fulfillment.shipping.delivery;

import static io.fulfillment.shipping.delivery.ShipmentFixtures.ADDRESS_IN_SAO_PAULO;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.ADDRESS_WITHOUT_POSTAL_CODE;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.MISSING_ADDRESS;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.MISSING_POSTAL_CODE;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.NEGATIVE_MICE;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.NO_ADDRESS;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.NO_ITEMS;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.ZERO_KEYBOARDS;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.cancelShipment;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.deliverShipment;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.dispatchShipment;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.scheduleShipment;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.scheduleShipmentOf;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.scheduleShipmentTo;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.shipmentCancelled;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.shipmentDelivered;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.shipmentDispatched;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.shipmentRejected;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.shipmentRejectedBecause;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.shipmentScheduled;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShipmentTest {

    private AggregateTestFixture<Shipment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shipment.class);
    }

    @Nested
    class ScheduleShipment {

        @Test
        void schedulesDeliveryToAddressInsideDeliveryArea() {
            fixture.givenNoPriorActivity().when(scheduleShipment()).expectEvents(shipmentScheduled());
        }

        @Test
        void rejectsAddressOutsideDeliveryArea() {
            fixture.givenNoPriorActivity()
                    .when(scheduleShipmentTo(ADDRESS_IN_SAO_PAULO))
                    .expectEvents(shipmentRejected());
        }

        @Test
        void rejectsAddressWithoutPostalCode() {
            fixture.givenNoPriorActivity()
                    .when(scheduleShipmentTo(ADDRESS_WITHOUT_POSTAL_CODE))
                    .expectEvents(shipmentRejectedBecause(MISSING_POSTAL_CODE));
        }

        @Test
        void rejectsShipmentWithoutAddress() {
            fixture.givenNoPriorActivity()
                    .when(scheduleShipmentTo(NO_ADDRESS))
                    .expectEvents(shipmentRejectedBecause(MISSING_ADDRESS));
        }

        @Test
        void refusesShipmentWithoutItems() {
            fixture.givenNoPriorActivity()
                    .when(scheduleShipmentOf(NO_ITEMS))
                    .expectException(InvalidShipmentItemsException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesItemOfZeroQuantity() {
            fixture.givenNoPriorActivity()
                    .when(scheduleShipmentOf(ZERO_KEYBOARDS))
                    .expectException(InvalidShipmentItemsException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesItemOfNegativeQuantity() {
            fixture.givenNoPriorActivity()
                    .when(scheduleShipmentOf(NEGATIVE_MICE))
                    .expectException(InvalidShipmentItemsException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class DispatchShipment {

        @Test
        void dispatchesScheduledShipmentWithItsItems() {
            fixture.given(shipmentScheduled()).when(dispatchShipment()).expectEvents(shipmentDispatched());
        }

        @Test
        void ignoresRepeatedDispatch() {
            fixture.given(shipmentScheduled(), shipmentDispatched())
                    .when(dispatchShipment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresDispatchOfDeliveredShipment() {
            fixture.given(shipmentScheduled(), shipmentDispatched(), shipmentDelivered())
                    .when(dispatchShipment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesDispatchOfRejectedShipment() {
            fixture.given(shipmentRejected())
                    .when(dispatchShipment())
                    .expectException(ShipmentNotDispatchableException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesDispatchOfCancelledShipment() {
            fixture.given(shipmentScheduled(), shipmentCancelled())
                    .when(dispatchShipment())
                    .expectException(ShipmentNotDispatchableException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class DeliverShipment {

        @Test
        void deliversDispatchedShipment() {
            fixture.given(shipmentScheduled(), shipmentDispatched())
                    .when(deliverShipment())
                    .expectEvents(shipmentDelivered());
        }

        @Test
        void ignoresRepeatedDelivery() {
            fixture.given(shipmentScheduled(), shipmentDispatched(), shipmentDelivered())
                    .when(deliverShipment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesDeliveryOfShipmentStillInWarehouse() {
            fixture.given(shipmentScheduled())
                    .when(deliverShipment())
                    .expectException(ShipmentNotDispatchedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesDeliveryOfCancelledShipment() {
            fixture.given(shipmentScheduled(), shipmentCancelled())
                    .when(deliverShipment())
                    .expectException(ShipmentNotDispatchedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesDeliveryOfRejectedShipment() {
            fixture.given(shipmentRejected())
                    .when(deliverShipment())
                    .expectException(ShipmentNotDispatchedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class CancelShipment {

        @Test
        void preventsAShipmentNotScheduledYet() {
            fixture.givenNoPriorActivity().when(cancelShipment()).expectEvents(shipmentCancelled());
        }

        @Test
        void cancelsScheduledShipment() {
            fixture.given(shipmentScheduled()).when(cancelShipment()).expectEvents(shipmentCancelled());
        }

        @Test
        void ignoresRepeatedCancellation() {
            fixture.given(shipmentScheduled(), shipmentCancelled())
                    .when(cancelShipment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresCancellationOfRejectedShipment() {
            fixture.given(shipmentRejected())
                    .when(cancelShipment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesCancellationOfDispatchedShipment() {
            fixture.given(shipmentScheduled(), shipmentDispatched())
                    .when(cancelShipment())
                    .expectException(ShipmentNotCancellableException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesCancellationOfDeliveredShipment() {
            fixture.given(shipmentScheduled(), shipmentDispatched(), shipmentDelivered())
                    .when(cancelShipment())
                    .expectException(ShipmentNotCancellableException.class)
                    .expectNoEvents();
        }
    }
}
