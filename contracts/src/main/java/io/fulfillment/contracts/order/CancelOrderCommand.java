package io.fulfillment.contracts.order;

import io.fulfillment.contracts.kernel.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The request to cancel an order before its shipment is scheduled, by the customer named in {@code requestedBy} (who
 * may cancel only their own order) or by staff ({@code requestedBy} null).
 */
public record CancelOrderCommand(@TargetAggregateIdentifier OrderId orderId, String reason, CustomerId requestedBy) {

    /** A cancellation by staff, on behalf of any customer. */
    public CancelOrderCommand(OrderId orderId, String reason) {
        this(orderId, reason, null);
    }
}
