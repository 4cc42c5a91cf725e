package io.fulfillment.shipping.delivery;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.ShippingAddress;
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
import java.util.List;

/** Object Mother for shipments: two keyboards and a mouse travelling to a customer. */
final class ShipmentFixtures {

    static final ShipmentId SHIPMENT_ID = ShipmentId.of("shipment-of-order-1001");
    static final OrderId ORDER_ID = OrderId.of("order-1001");
    static final ProductId KEYBOARD = ProductId.of("keyboard-k120");
    static final ProductId MOUSE = ProductId.of("mouse-m185");
    static final List<ShipmentItem> TWO_KEYBOARDS_AND_A_MOUSE =
            List.of(new ShipmentItem(KEYBOARD, 2), new ShipmentItem(MOUSE, 1));
    static final List<ShipmentItem> NO_ITEMS = List.of();
    static final List<ShipmentItem> ZERO_KEYBOARDS = List.of(new ShipmentItem(KEYBOARD, 0));
    static final List<ShipmentItem> NEGATIVE_MICE = List.of(new ShipmentItem(KEYBOARD, 1), new ShipmentItem(MOUSE, -1));

    static final ShippingAddress ADDRESS_IN_BERLIN =
            new ShippingAddress("Ada Lovelace", "Unter den Linden 1", "10117", "Berlin", "DE");
    static final ShippingAddress ADDRESS_IN_SAO_PAULO =
            new ShippingAddress("Ada Lovelace", "Avenida Paulista 1000", "01310-100", "São Paulo", "BR");
    static final ShippingAddress ADDRESS_WITHOUT_POSTAL_CODE =
            new ShippingAddress("Ada Lovelace", "Rue de Rivoli 1", " ", "Paris", "FR");
    static final ShippingAddress NO_ADDRESS = null;

    static final DeliveryRefusal OUTSIDE_DELIVERY_AREA = DeliveryRefusal.COUNTRY_NOT_SERVED;
    static final DeliveryRefusal MISSING_POSTAL_CODE = DeliveryRefusal.NO_POSTAL_CODE;
    static final DeliveryRefusal MISSING_ADDRESS = DeliveryRefusal.NO_ADDRESS;
    static final String CUSTOMER_CANCELLED = "customer cancelled the order";

    private ShipmentFixtures() {}

    static ScheduleShipmentCommand scheduleShipment() {
        return new ScheduleShipmentCommand(SHIPMENT_ID, ORDER_ID, ADDRESS_IN_BERLIN, TWO_KEYBOARDS_AND_A_MOUSE);
    }

    static ScheduleShipmentCommand scheduleShipmentTo(ShippingAddress address) {
        return new ScheduleShipmentCommand(SHIPMENT_ID, ORDER_ID, address, TWO_KEYBOARDS_AND_A_MOUSE);
    }

    static ScheduleShipmentCommand scheduleShipmentOf(List<ShipmentItem> items) {
        return new ScheduleShipmentCommand(SHIPMENT_ID, ORDER_ID, ADDRESS_IN_BERLIN, items);
    }

    static DispatchShipmentCommand dispatchShipment() {
        return new DispatchShipmentCommand(SHIPMENT_ID);
    }

    static DeliverShipmentCommand deliverShipment() {
        return new DeliverShipmentCommand(SHIPMENT_ID);
    }

    static CancelShipmentCommand cancelShipment() {
        return new CancelShipmentCommand(SHIPMENT_ID, ORDER_ID, CUSTOMER_CANCELLED);
    }

    static ShipmentScheduledEvent shipmentScheduled() {
        return new ShipmentScheduledEvent(SHIPMENT_ID, ORDER_ID, ADDRESS_IN_BERLIN, TWO_KEYBOARDS_AND_A_MOUSE);
    }

    static ShipmentRejectedEvent shipmentRejected() {
        return shipmentRejectedBecause(OUTSIDE_DELIVERY_AREA);
    }

    static ShipmentRejectedEvent shipmentRejectedBecause(DeliveryRefusal reason) {
        return new ShipmentRejectedEvent(SHIPMENT_ID, ORDER_ID, reason);
    }

    static ShipmentDispatchedEvent shipmentDispatched() {
        return new ShipmentDispatchedEvent(SHIPMENT_ID, ORDER_ID, TWO_KEYBOARDS_AND_A_MOUSE);
    }

    static ShipmentDeliveredEvent shipmentDelivered() {
        return new ShipmentDeliveredEvent(SHIPMENT_ID, ORDER_ID);
    }

    static ShipmentCancelledEvent shipmentCancelled() {
        return new ShipmentCancelledEvent(SHIPMENT_ID, ORDER_ID, CUSTOMER_CANCELLED);
    }
}
