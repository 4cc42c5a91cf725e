package io.fulfillment.order.lifecycle;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;

/** The customer asked to cancel an order whose shipment is already scheduled or that has already ended. */
public class OrderNotCancellableException extends DomainException {

    OrderNotCancellableException(OrderId orderId, OrderStatus status) {
        super(
                ErrorKind.CONFLICT,
                "order.not-cancellable",
                "order " + orderId + " is " + status + " and can no longer be cancelled");
    }
}
