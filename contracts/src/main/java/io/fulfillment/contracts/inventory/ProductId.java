package io.fulfillment.contracts.inventory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a product in the catalogue and its stock. */
public record ProductId(String value) {

    /**
     * The longest product id a request may carry, checked where ids enter (Bean Validation on the REST
     * endpoints); the ids made here are UUIDs, 36 characters.
     */
    public static final int MAX_LENGTH = 64;

    public ProductId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ProductId must not be blank");
        }
    }

    public static ProductId newId() {
        return new ProductId(UUID.randomUUID().toString());
    }

    public static ProductId of(String value) {
        return new ProductId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
