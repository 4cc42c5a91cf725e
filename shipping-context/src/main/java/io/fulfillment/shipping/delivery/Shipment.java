package io.fulfillment.shipping.delivery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.CancelShipmentCommand;
import io.fulfillment.contracts.shipping.DeliverShipmentCommand;
import io.fulfillment.contracts.shipping.DeliveryRefusal;
import io.fulfillment.contracts.shipping.DispatchShipmentCommand;
import io.fulfillment.contracts.shipping.ScheduleShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentCancelledEvent;
import io.fulfillment.contracts.shipping.ShipmentDeliveredEvent;
import io.fulfillment.contracts.shipping.ShipmentDispatchedEvent;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import io.fulfillment.contracts.shipping.ShipmentStatus;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The delivery of one order's goods to the customer's address.
 *
 * <p>Lifecycle:
 *
 * <pre>
 * (schedule) ──deliverable address──▶ SCHEDULED ──dispatch──▶ DISPATCHED ──deliver──▶ DELIVERED
 *     │                                   └──cancel──▶ CANCELLED
 *     └──address outside the {@link DeliveryArea}──▶ REJECTED
 * </pre>
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>A shipment carries at least one item, each with a product and a positive quantity.
 *   <li>Only addresses inside the {@link DeliveryArea} are scheduled. An undeliverable address still creates the
 *       shipment, as REJECTED with the reason, because the fulfillment saga must hear the refusal as an event.
 *   <li>Only a scheduled shipment is dispatched, and only a dispatched one is delivered.
 *   <li>A shipment can be cancelled only until it is dispatched: goods that left the warehouse cannot be held back.
 *   <li>A shipment cancelled before it was scheduled (the order ended while the request was on its way) exists as
 *       CANCELLED from the start: the schedule request, when it arrives, cannot create it again and is refused.
 * </ul>
 *
 * <p>Outcomes that have already happened (dispatched, delivered, cancelled, or cancelling a rejected shipment) are
 * answered with silence rather than errors, so that the saga and the carrier's callbacks may repeat commands safely.
 */
@Aggregate(snapshotTriggerDefinition = "shipmentSnapshotTrigger", cache = "shipmentCache")
// snapshots are the aggregate itself, written by the Jackson serializer: its fields, not its predicates
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Shipment {

    @AggregateIdentifier
    private ShipmentId shipmentId;

    private OrderId orderId;
    private List<ShipmentItem> items;
    private ShipmentStatus status;

    // required by Axon
    Shipment() {}

    @CommandHandler
    Shipment(ScheduleShipmentCommand command) {
        if (!hasSomethingToShip(command.items())) {
            throw new InvalidShipmentItemsException(command.items());
        }
        Optional<DeliveryRefusal> refusal = DeliveryArea.standard().refusalFor(command.address());
        if (refusal.isPresent()) {
            apply(new ShipmentRejectedEvent(command.shipmentId(), command.orderId(), refusal.get()));
        } else {
            apply(new ShipmentScheduledEvent(
                    command.shipmentId(), command.orderId(), command.address(), List.copyOf(command.items())));
        }
    }

    @CommandHandler
    void handle(DispatchShipmentCommand command) {
        if (hasLeftWarehouse()) {
            return;
        }
        if (!isScheduled()) {
            throw new ShipmentNotDispatchableException(shipmentId, status);
        }
        apply(new ShipmentDispatchedEvent(shipmentId, orderId, items));
    }

    @CommandHandler
    void handle(DeliverShipmentCommand command) {
        if (isDelivered()) {
            return;
        }
        if (!isDispatched()) {
            throw new ShipmentNotDispatchedException(shipmentId, status);
        }
        apply(new ShipmentDeliveredEvent(shipmentId, orderId));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CancelShipmentCommand command) {
        if (status == null) {
            apply(new ShipmentCancelledEvent(command.shipmentId(), command.orderId(), command.reason()));
            return;
        }
        if (isCancelled() || isRejected()) {
            return;
        }
        if (hasLeftWarehouse()) {
            throw new ShipmentNotCancellableException(shipmentId, status);
        }
        apply(new ShipmentCancelledEvent(shipmentId, orderId, command.reason()));
    }

    private static boolean hasSomethingToShip(List<ShipmentItem> items) {
        return items != null && !items.isEmpty() && items.stream().allMatch(Shipment::isShippable);
    }

    private static boolean isShippable(ShipmentItem item) {
        return item != null && item.productId() != null && item.quantity() > 0;
    }

    private boolean isScheduled() {
        return status == ShipmentStatus.SCHEDULED;
    }

    private boolean isDispatched() {
        return status == ShipmentStatus.DISPATCHED;
    }

    private boolean isDelivered() {
        return status == ShipmentStatus.DELIVERED;
    }

    private boolean hasLeftWarehouse() {
        return isDispatched() || isDelivered();
    }

    private boolean isCancelled() {
        return status == ShipmentStatus.CANCELLED;
    }

    private boolean isRejected() {
        return status == ShipmentStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ShipmentScheduledEvent event) {
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        items = event.items();
        status = ShipmentStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(ShipmentRejectedEvent event) {
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        items = List.of();
        status = ShipmentStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ShipmentDispatchedEvent event) {
        status = ShipmentStatus.DISPATCHED;
    }

    @EventSourcingHandler
    void on(ShipmentDeliveredEvent event) {
        status = ShipmentStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(ShipmentCancelledEvent event) {
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        status = ShipmentStatus.CANCELLED;
    }
}
