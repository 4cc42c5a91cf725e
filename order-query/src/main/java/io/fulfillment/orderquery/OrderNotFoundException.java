package io.fulfillment.orderquery;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.order.OrderId;

/** No read model knows the order: it was never placed, or its events have not been projected yet. */
public class OrderNotFoundException extends DomainException {

    public OrderNotFoundException(OrderId orderId) {
        super(ErrorKind.NOT_FOUND, "order.not-found", "order " + orderId + " not found");
    }
}
