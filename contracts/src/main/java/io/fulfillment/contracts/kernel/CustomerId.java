package io.fulfillment.contracts.kernel;

import java.util.Objects;
import java.util.UUID;

/** Identifies the customer who places and owns orders. */
public record CustomerId(String value) {

    /**
     * The longest customer id a request may carry, checked where ids enter (Bean Validation on the REST
     * endpoints); the ids made here are UUIDs, 36 characters.
     */
    public static final int MAX_LENGTH = 64;

    public CustomerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("CustomerId must not be blank");
        }
    }

    public static CustomerId newId() {
        return new CustomerId(UUID.randomUUID().toString());
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
