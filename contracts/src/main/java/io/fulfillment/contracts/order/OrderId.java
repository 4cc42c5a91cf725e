package io.fulfillment.contracts.order;

import java.util.Objects;
import java.util.UUID;

/** Identifies one customer order across every context. */
public record OrderId(String value) {

    /**
     * The longest an order id a request may carry, checked where ids enter (Bean Validation on the REST
     * endpoints); the ids made here are UUIDs, 36 characters.
     */
    public static final int MAX_LENGTH = 64;

    public OrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("OrderId must not be blank");
        }
    }

    public static OrderId newId() {
        return new OrderId(UUID.randomUUID().toString());
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
