package io.fulfillment.contracts.inventory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a product in the catalogue and its stock. */
public record ProductId(String value) {

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
