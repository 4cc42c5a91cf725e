package io.fulfillment.inventory.catalogue;

import io.fulfillment.chassis.distributed.AggregateConflicts;
import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.ErrorKind;
import java.util.Optional;

/**
 * A product was registered under an id the catalogue already uses. The event store is what notices: the first event
 * of the new product clashes with the first event of the existing one ({@link AggregateConflicts}).
 */
class ProductAlreadyRegisteredException extends DomainException {

    static final String CODE = "inventory.product-already-registered";
    private static final int MAX_DEPTH = 16;

    ProductAlreadyRegisteredException(ProductId productId) {
        super(ErrorKind.CONFLICT, CODE, "Product " + productId + " is already registered");
    }

    /** The conflict behind a failed registration, if that is what made it fail. */
    static Optional<ProductAlreadyRegisteredException> causing(Throwable failure, ProductId productId) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof ProductAlreadyRegisteredException conflict) {
                return Optional.of(conflict);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return AggregateConflicts.isConflict(failure)
                ? Optional.of(new ProductAlreadyRegisteredException(productId))
                : Optional.empty();
    }
}
