package io.fulfillment.contracts.order;

/**
 * An event that belongs to one order, whichever context published it: the order's own events and those of its stock
 * reservations, its payment and its shipment. Consumers that follow an order (its timeline, the fulfillment saga, the
 * sequencing of its events) find the order here instead of by the events' field names.
 */
public interface OrderEvent {

    /** The order this event belongs to. */
    OrderId orderId();
}
