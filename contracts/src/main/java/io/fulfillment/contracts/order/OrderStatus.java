package io.fulfillment.contracts.order;

/** Where an order stands in its fulfillment lifecycle. */
public enum OrderStatus {
    PLACED,
    STOCK_RESERVED,
    PAID,
    SHIPPING_SCHEDULED,
    CONFIRMED,
    REJECTED,
    CANCELLED;

    public boolean isTerminal() {
        return this == CONFIRMED || this == REJECTED || this == CANCELLED;
    }
}
