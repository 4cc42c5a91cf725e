package io.fulfillment.contracts.payment;

import java.util.Objects;
import java.util.UUID;

/** Identifies one payment attempt for an order. */
public record PaymentId(String value) {

    /**
     * The longest payment id a request may carry, checked where ids enter (Bean Validation on the REST
     * endpoints); the ids made here are UUIDs, 36 characters.
     */
    public static final int MAX_LENGTH = 64;

    public PaymentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("PaymentId must not be blank");
        }
    }

    public static PaymentId newId() {
        return new PaymentId(UUID.randomUUID().toString());
    }

    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
