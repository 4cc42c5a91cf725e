package io.fulfillment.contracts.order;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.Money;

/** One product of an order with the quantity ordered and the catalogue price it was ordered at. */
public record OrderLine(ProductId productId, int quantity, Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
