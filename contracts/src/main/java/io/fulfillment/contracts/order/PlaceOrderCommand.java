package io.fulfillment.contracts.order;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.ShippingAddress;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to open a new order for a customer with priced lines and a shipping address. */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        CustomerId customerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress) {}
