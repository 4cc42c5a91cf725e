package io.fulfillment.order.lifecycle;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.order.OrderId;

/**
 * A request to place an order arrived for an order that already exists with other contents: the Idempotency-Key it was
 * derived from was reused for a different request.
 */
public class OrderPlacedDifferentlyException extends DomainException {

    OrderPlacedDifferentlyException(OrderId orderId) {
        super(
                ErrorKind.UNPROCESSABLE,
                "order.idempotency-key-reused",
                "This Idempotency-Key was already used for a different request (order " + orderId
                        + "); send a new key for a new order");
    }
}
