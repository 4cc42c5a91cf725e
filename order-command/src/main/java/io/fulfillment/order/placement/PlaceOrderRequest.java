package io.fulfillment.order.placement;

import io.fulfillment.chassis.validation.VisibleText;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a customer sends to place an order: products and quantities, never prices. */
record PlaceOrderRequest(
        @VisibleText @Size(max = CustomerId.MAX_LENGTH) String customerId,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Line> lines,
        @NotNull @Valid Address shippingAddress) {

    record Line(
            @VisibleText @Size(max = ProductId.MAX_LENGTH) String productId,
            @Positive @Max(OrderPlacement.MAX_QUANTITY_PER_LINE) int quantity) {}

    record Address(
            @VisibleText @Size(max = 100) String recipient,
            @VisibleText @Size(max = 200) String street,
            @VisibleText @Size(max = 20) String postalCode,
            @VisibleText @Size(max = 100) String city,
            @VisibleText @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter ISO country code")
                    String country) {}
}
