package io.fulfillment.shipping.tracking;

import static io.fulfillment.shipping.testapp.Shipments.ADDRESS_IN_BERLIN;
import static io.fulfillment.shipping.testapp.Shipments.ADDRESS_IN_SAO_PAULO;
import static io.fulfillment.shipping.testapp.Shipments.TWO_KEYBOARDS_AND_A_MOUSE;
import static io.fulfillment.shipping.testapp.Shipments.scheduleShipmentTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.DeliverShipmentCommand;
import io.fulfillment.contracts.shipping.DispatchShipmentCommand;
import io.fulfillment.contracts.shipping.FindShipmentByOrderQuery;
import io.fulfillment.contracts.shipping.ScheduleShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentDispatchedEvent;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import io.fulfillment.contracts.shipping.ShipmentStatus;
import io.fulfillment.shipping.testapp.ShippingContextTest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

@ShippingContextTest
class ShipmentProjectionIT {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(15);
    private static final long SCHEDULED_AT = 0;
    private static final long DISPATCHED_AT = 1;

    @Autowired
    ShipmentProjection projection;

    @Autowired
    ShipmentQueries queries;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void sameEventAppliedTwiceChangesNothing() {
        ShipmentScheduledEvent scheduled = new ShipmentScheduledEvent(
                ShipmentId.newId(), OrderId.newId(), ADDRESS_IN_BERLIN, TWO_KEYBOARDS_AND_A_MOUSE);
        ShipmentDispatchedEvent dispatched =
                new ShipmentDispatchedEvent(scheduled.shipmentId(), scheduled.orderId(), TWO_KEYBOARDS_AND_A_MOUSE);
        projection.on(scheduled, SCHEDULED_AT);
        projection.on(dispatched, DISPATCHED_AT);
        ShipmentDocument before = document(scheduled.shipmentId());

        projection.on(dispatched, DISPATCHED_AT);
        projection.on(scheduled, SCHEDULED_AT);

        assertThat(document(scheduled.shipmentId())).isEqualTo(before);
        assertThat(before.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(before.lastSequence()).isEqualTo(DISPATCHED_AT);
        assertThat(queries.handle(new FindShipmentByOrderQuery(scheduled.orderId()))
                        .shipmentId())
                .isEqualTo(scheduled.shipmentId());
    }

    @Test
    void replayRebuildsTheSameReadModel() {
        ScheduleShipmentCommand delivered = scheduleShipmentTo(ADDRESS_IN_BERLIN);
        ScheduleShipmentCommand rejected = scheduleShipmentTo(ADDRESS_IN_SAO_PAULO);
        commands.sendAndWait(delivered);
        commands.sendAndWait(new DispatchShipmentCommand(delivered.shipmentId()));
        commands.sendAndWait(new DeliverShipmentCommand(delivered.shipmentId()));
        commands.sendAndWait(rejected);
        List<ShipmentId> shipments = List.of(delivered.shipmentId(), rejected.shipmentId());
        await().atMost(READ_MODEL_LAG)
                .until(() -> hasStatus(delivered.shipmentId(), ShipmentStatus.DELIVERED)
                        && hasStatus(rejected.shipmentId(), ShipmentStatus.REJECTED));
        List<ShipmentDocument> before = documents(shipments);

        StreamingEventProcessor processor = processing
                .eventProcessor(ShipmentProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(documents(shipments)).as("read model cleared by the reset").isEmpty();
        processor.start();

        await().atMost(READ_MODEL_LAG)
                .untilAsserted(() -> assertThat(documents(shipments)).isEqualTo(before));
        assertThat(mongo.findById(delivered.orderId().value(), ShipmentByOrderDocument.class))
                .isEqualTo(new ShipmentByOrderDocument(
                        delivered.orderId().value(), delivered.shipmentId().value()));
    }

    private boolean hasStatus(ShipmentId shipmentId, ShipmentStatus status) {
        ShipmentDocument document = document(shipmentId);
        return document != null && document.status() == status;
    }

    private ShipmentDocument document(ShipmentId shipmentId) {
        return mongo.findById(shipmentId.value(), ShipmentDocument.class);
    }

    private List<ShipmentDocument> documents(List<ShipmentId> shipmentIds) {
        return shipmentIds.stream().map(this::document).filter(Objects::nonNull).toList();
    }
}
