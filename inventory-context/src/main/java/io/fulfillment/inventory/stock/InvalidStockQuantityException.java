package io.fulfillment.inventory.stock;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

/** A command named a number of units that can never be right: not positive, or a negative initial stock. */
class InvalidStockQuantityException extends DomainException {

    static final String CODE = "inventory.invalid-quantity";

    private InvalidStockQuantityException(String message) {
        super(ErrorKind.UNPROCESSABLE, CODE, message);
    }

    static InvalidStockQuantityException notPositive(int quantity) {
        return new InvalidStockQuantityException("Quantity must be positive, was " + quantity);
    }

    static InvalidStockQuantityException negativeInitialStock(int initialStock) {
        return new InvalidStockQuantityException("Initial stock must not be negative, was " + initialStock);
    }
}
