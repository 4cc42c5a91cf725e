package io.fulfillment.contracts.order;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import java.time.Instant;
import java.util.List;

/** The current state of an order as customers see it. */
public record OrderSummary(
        OrderId orderId,
        CustomerId customerId,
        OrderStatus status,
        List<OrderLine> lines,
        Money total,
        ShippingAddress shippingAddress,
        RejectionReason rejectionReason,
        Instant placedAt,
        Instant updatedAt) {}
