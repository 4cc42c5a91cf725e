package io.fulfillment.inventory.catalogue;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.ErrorKind;

/** The catalogue holds no product with the asked id. */
class ProductNotFoundException extends DomainException {

    static final String CODE = "inventory.product-not-found";

    ProductNotFoundException(ProductId productId) {
        super(ErrorKind.NOT_FOUND, CODE, "Product " + productId + " is not in the catalogue");
    }
}
