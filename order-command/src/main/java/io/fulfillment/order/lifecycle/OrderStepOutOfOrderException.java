package io.fulfillment.order.lifecycle;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;

/** A fulfillment step was requested for an order that is not at the step right before it. */
public class OrderStepOutOfOrderException extends DomainException {

    OrderStepOutOfOrderException(OrderId orderId, OrderStatus current, OrderStatus requested) {
        super(
                ErrorKind.CONFLICT,
                "order.step-out-of-order",
                "order " + orderId + " is " + current + " and cannot become " + requested);
    }
}
