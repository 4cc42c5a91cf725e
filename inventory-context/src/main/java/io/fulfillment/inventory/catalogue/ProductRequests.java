package io.fulfillment.inventory.catalogue;

import io.fulfillment.chassis.validation.VisibleText;
import io.fulfillment.contracts.inventory.ProductId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Bodies of the {@code /products} commands. */
final class ProductRequests {

    /** Product ids appear in URLs: letters, digits, dot, dash and underscore, starting with a letter or digit. */
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";

    static final int MAX_QUANTITY = 1_000_000;

    private ProductRequests() {}

    /** Registers a product; without an id the catalogue makes one up. */
    record RegisterProductRequest(
            @Size(max = ProductId.MAX_LENGTH) @Pattern(regexp = ID_PATTERN) String id,
            @VisibleText @Size(max = 200) String name,
            @NotNull @Valid PriceRequest unitPrice,
            @NotNull @PositiveOrZero @Max(MAX_QUANTITY) Integer initialStock) {}

    record RestockRequest(@NotNull @Positive @Max(MAX_QUANTITY) Integer quantity) {}
}
