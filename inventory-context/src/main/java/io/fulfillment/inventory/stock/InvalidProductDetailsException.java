package io.fulfillment.inventory.stock;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

/** A product cannot join the catalogue without a name and a price. */
class InvalidProductDetailsException extends DomainException {

    static final String CODE = "inventory.invalid-product";

    private InvalidProductDetailsException(String message) {
        super(ErrorKind.UNPROCESSABLE, CODE, message);
    }

    static InvalidProductDetailsException blankName() {
        return new InvalidProductDetailsException("Product name must not be blank");
    }

    static InvalidProductDetailsException missingPrice() {
        return new InvalidProductDetailsException("Product unit price is required");
    }
}
