package io.fulfillment.contracts.order;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import java.util.List;

/** A customer placed an order; fulfillment starts here. */
public record OrderPlacedEvent(
        OrderId orderId, CustomerId customerId, List<OrderLine> lines, ShippingAddress shippingAddress, Money total)
        implements OrderEvent {}
