package io.fulfillment.shipping.testapp;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.ScheduleShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import java.util.List;

/** Object Mother for the shipping ITs: two keyboards and a mouse, each test with its own fresh ids. */
public final class Shipments {

    public static final ShippingAddress ADDRESS_IN_BERLIN =
            new ShippingAddress("Ada Lovelace", "Unter den Linden 1", "10117", "Berlin", "DE");
    public static final ShippingAddress ADDRESS_IN_SAO_PAULO =
            new ShippingAddress("Ada Lovelace", "Avenida Paulista 1000", "01310-100", "São Paulo", "BR");
    public static final String OUTSIDE_DELIVERY_AREA = "COUNTRY_NOT_SERVED";
    public static final List<ShipmentItem> TWO_KEYBOARDS_AND_A_MOUSE = List.of(
            new ShipmentItem(ProductId.of("keyboard-k120"), 2), new ShipmentItem(ProductId.of("mouse-m185"), 1));

    private Shipments() {}

    public static ScheduleShipmentCommand scheduleShipmentTo(ShippingAddress address) {
        return new ScheduleShipmentCommand(ShipmentId.newId(), OrderId.newId(), address, TWO_KEYBOARDS_AND_A_MOUSE);
    }
}
