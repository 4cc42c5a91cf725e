package io.fulfillment.contracts.shipping;

import java.util.Objects;
import java.util.UUID;

/** Identifies one shipment of an order's goods. */
public record ShipmentId(String value) {

    /**
     * The longest shipment id a request may carry, checked where ids enter (Bean Validation on the REST
     * endpoints); the ids made here are UUIDs, 36 characters.
     */
    public static final int MAX_LENGTH = 64;

    public ShipmentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ShipmentId must not be blank");
        }
    }

    public static ShipmentId newId() {
        return new ShipmentId(UUID.randomUUID().toString());
    }

    public static ShipmentId of(String value) {
        return new ShipmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
