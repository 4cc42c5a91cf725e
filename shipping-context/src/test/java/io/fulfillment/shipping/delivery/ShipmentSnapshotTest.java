package io.fulfillment.shipping.delivery;

import static io.fulfillment.shipping.delivery.ShipmentFixtures.cancelShipment;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.deliverShipment;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.dispatchShipment;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.shipmentDelivered;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.shipmentDispatched;
import static io.fulfillment.shipping.delivery.ShipmentFixtures.shipmentScheduled;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Snapshots are the aggregate itself, written with the Jackson serializer every Axon serializer uses here. */
class ShipmentSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void keepsEveryFieldAcrossASnapshot() {
        Shipment shipment = new Shipment();
        shipment.on(shipmentScheduled());
        shipment.on(shipmentDispatched());

        SerializedObject<String> snapshot = serializer.serialize(shipment, String.class);
        Shipment restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getData())
                .contains(
                        ShipmentFixtures.SHIPMENT_ID.toString(),
                        ShipmentFixtures.ORDER_ID.toString(),
                        ShipmentFixtures.KEYBOARD.toString(),
                        "DISPATCHED");
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
    }

    @Test
    void deliversADispatchedShipmentRestoredFromASnapshot() {
        Shipment restored = dispatchedRestoredFromASnapshot();

        new AggregateTestFixture<>(Shipment.class)
                .givenState(() -> restored)
                .when(deliverShipment())
                .expectEvents(shipmentDelivered());
    }

    @Test
    void refusesToCancelADispatchedShipmentRestoredFromASnapshot() {
        Shipment restored = dispatchedRestoredFromASnapshot();

        new AggregateTestFixture<>(Shipment.class)
                .givenState(() -> restored)
                .when(cancelShipment())
                .expectException(ShipmentNotCancellableException.class);
    }

    @Test
    void ignoresARepeatedDispatchAfterASnapshot() {
        Shipment restored = dispatchedRestoredFromASnapshot();

        new AggregateTestFixture<>(Shipment.class)
                .givenState(() -> restored)
                .when(dispatchShipment())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private Shipment dispatchedRestoredFromASnapshot() {
        Shipment dispatched = new Shipment();
        dispatched.on(shipmentScheduled());
        dispatched.on(shipmentDispatched());
        return serializer.deserialize(serializer.serialize(dispatched, String.class));
    }
}
