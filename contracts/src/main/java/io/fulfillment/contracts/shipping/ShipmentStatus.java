package io.fulfillment.contracts.shipping;

/** Where a shipment stands between scheduling and delivery. */
public enum ShipmentStatus {
    SCHEDULED,
    REJECTED,
    DISPATCHED,
    DELIVERED,
    CANCELLED
}
