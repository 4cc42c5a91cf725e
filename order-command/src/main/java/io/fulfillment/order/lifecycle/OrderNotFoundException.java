package io.fulfillment.order.lifecycle;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.order.OrderId;

/** A customer asked for an order that is not theirs: to them it does not exist. */
public class OrderNotFoundException extends DomainException {

    OrderNotFoundException(OrderId orderId) {
        super(ErrorKind.NOT_FOUND, "order.not-found", "order " + orderId + " not found");
    }
}
