package io.fulfillment.contracts.inventory;

import java.util.List;

/** Asks for the catalogue, or only the listed products when ids are given. */
public record FindProductsQuery(List<ProductId> productIds) {

    public static FindProductsQuery all() {
        return new FindProductsQuery(List.of());
    }
}
