package io.fulfillment.order;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.PlaceOrderCommand;
import java.util.List;

/** Object Mother for orders: a customer buying two keyboards and one mouse, shipped within the delivery area. */
public final class OrderFixtures {

    public static final OrderId ORDER_ID = OrderId.of("order-42");
    public static final CustomerId CUSTOMER_ID = CustomerId.of("customer-ada");
    public static final ProductId KEYBOARD = ProductId.of("keyboard");
    public static final ProductId MOUSE = ProductId.of("mouse");
    public static final Money KEYBOARD_PRICE = Money.of("49.90", "EUR");
    public static final Money MOUSE_PRICE = Money.of("19.50", "EUR");
    public static final int KEYBOARDS_ORDERED = 2;
    public static final int MICE_ORDERED = 1;
    public static final Money ORDER_TOTAL = Money.of("119.30", "EUR");
    public static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 St James's Square", "SW1Y 4JH", "London", "GB");

    private OrderFixtures() {}

    public static List<OrderLine> twoLines() {
        return List.of(
                new OrderLine(KEYBOARD, KEYBOARDS_ORDERED, KEYBOARD_PRICE),
                new OrderLine(MOUSE, MICE_ORDERED, MOUSE_PRICE));
    }

    public static PlaceOrderCommand placeOrder() {
        return placeOrder(twoLines());
    }

    public static PlaceOrderCommand placeOrder(List<OrderLine> lines) {
        return new PlaceOrderCommand(ORDER_ID, CUSTOMER_ID, lines, ADDRESS);
    }

    public static OrderPlacedEvent orderPlaced() {
        return new OrderPlacedEvent(ORDER_ID, CUSTOMER_ID, twoLines(), ADDRESS, ORDER_TOTAL);
    }

    public static StockReservedEvent keyboardsReserved() {
        return new StockReservedEvent(KEYBOARD, ORDER_ID, KEYBOARDS_ORDERED);
    }

    public static StockReservedEvent mouseReserved() {
        return new StockReservedEvent(MOUSE, ORDER_ID, MICE_ORDERED);
    }

    public static StockReservationRejectedEvent mouseOutOfStock() {
        return new StockReservationRejectedEvent(MOUSE, ORDER_ID, MICE_ORDERED, 0);
    }
}
