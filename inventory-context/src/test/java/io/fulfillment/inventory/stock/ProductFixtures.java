package io.fulfillment.inventory.stock;

import io.fulfillment.contracts.inventory.CommitStockCommand;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductRegisteredEvent;
import io.fulfillment.contracts.inventory.ProductRestockedEvent;
import io.fulfillment.contracts.inventory.RegisterProductCommand;
import io.fulfillment.contracts.inventory.ReleaseStockCommand;
import io.fulfillment.contracts.inventory.ReserveStockCommand;
import io.fulfillment.contracts.inventory.RestockProductCommand;
import io.fulfillment.contracts.inventory.StockCommittedEvent;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservationWithdrawnEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;

/** Object Mother for {@link Product}: one keyboard product, two orders competing for its stock. */
final class ProductFixtures {

    static final ProductId KEYBOARD = ProductId.of("keyboard-k120");
    static final String KEYBOARD_NAME = "Mechanical keyboard K120";
    static final Money KEYBOARD_PRICE = Money.of("89.90", "EUR");
    static final int INITIAL_STOCK = 10;

    static final OrderId ALICES_ORDER = OrderId.of("order-alice-1");
    static final OrderId BOBS_ORDER = OrderId.of("order-bob-1");
    static final OrderId UNKNOWN_ORDER = OrderId.of("order-never-reserved");

    static final int FEW_UNITS = 3;
    static final int DELIVERY_SIZE = 25;

    private ProductFixtures() {}

    static RegisterProductCommand registerKeyboard() {
        return registerKeyboard(KEYBOARD_NAME, KEYBOARD_PRICE, INITIAL_STOCK);
    }

    static RegisterProductCommand registerKeyboard(String name, Money unitPrice, int initialStock) {
        return new RegisterProductCommand(KEYBOARD, name, unitPrice, initialStock);
    }

    static ProductRegisteredEvent keyboardRegistered() {
        return new ProductRegisteredEvent(KEYBOARD, KEYBOARD_NAME, KEYBOARD_PRICE, INITIAL_STOCK);
    }

    static RestockProductCommand restock(int quantity) {
        return new RestockProductCommand(KEYBOARD, quantity);
    }

    static ProductRestockedEvent restocked(int quantity) {
        return new ProductRestockedEvent(KEYBOARD, quantity);
    }

    static ReserveStockCommand reserve(OrderId orderId, int quantity) {
        return new ReserveStockCommand(KEYBOARD, orderId, quantity);
    }

    static StockReservedEvent reserved(OrderId orderId, int quantity) {
        return new StockReservedEvent(KEYBOARD, orderId, quantity);
    }

    static StockReservationRejectedEvent reservationRejected(OrderId orderId, int requested, int available) {
        return new StockReservationRejectedEvent(KEYBOARD, orderId, requested, available);
    }

    static ReleaseStockCommand release(OrderId orderId) {
        return new ReleaseStockCommand(KEYBOARD, orderId);
    }

    static StockReleasedEvent released(OrderId orderId, int quantity) {
        return new StockReleasedEvent(KEYBOARD, orderId, quantity);
    }

    static StockReservationWithdrawnEvent withdrawn(OrderId orderId) {
        return new StockReservationWithdrawnEvent(KEYBOARD, orderId);
    }

    static CommitStockCommand commit(OrderId orderId) {
        return new CommitStockCommand(KEYBOARD, orderId);
    }

    static StockCommittedEvent committed(OrderId orderId, int quantity) {
        return new StockCommittedEvent(KEYBOARD, orderId, quantity);
    }
}
