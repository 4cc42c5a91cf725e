package io.fulfillment.orderquery.summary;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderSummary;
import io.fulfillment.contracts.order.RejectionReason;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One order as stored; {@code lastSequence} is the order aggregate's sequence number of the newest event applied, so
 * a redelivered or older event never overwrites newer state. {@code rejection} replaced the text {@code reason} of
 * documents written before ADR 0018, which read back without one until the read model is replayed.
 *
 * <p>Its indexes serve the order lists ({@code OrderSummaryQueries}), which page newest first ({@code placedAt}
 * descending, then {@code _id}): a customer's orders (the customer's order list, also when filtered by status), the
 * orders in one status, and all orders. Single orders are read by {@code _id}.
 */
@Document(OrderSummaryDocument.COLLECTION)
@CompoundIndex(name = "customer_newest_first", def = "{'customerId': 1, 'placedAt': -1, '_id': 1}")
@CompoundIndex(name = "status_newest_first", def = "{'status': 1, 'placedAt': -1, '_id': 1}")
@CompoundIndex(name = "newest_first", def = "{'placedAt': -1, '_id': 1}")
record OrderSummaryDocument(
        @Id String orderId,
        String customerId,
        OrderStatus status,
        List<Line> lines,
        Money total,
        ShippingAddress shippingAddress,
        RejectionReason rejection,
        Instant placedAt,
        Instant updatedAt,
        long lastSequence) {

    static final String COLLECTION = "order_summaries";
    static final String CUSTOMER_ID = "customerId";
    static final String STATUS = "status";
    static final String PLACED_AT = "placedAt";

    record Line(String productId, int quantity, Money unitPrice) {

        static Line of(OrderLine line) {
            return new Line(line.productId().toString(), line.quantity(), line.unitPrice());
        }

        OrderLine toOrderLine() {
            return new OrderLine(ProductId.of(productId), quantity, unitPrice);
        }
    }

    /** Whether the order's event at {@code sequence} is already reflected here (redelivered or replayed). */
    boolean hasApplied(long sequence) {
        return sequence <= lastSequence;
    }

    /** This order in {@code newStatus} after its event at {@code sequence}; a {@code null} reason keeps the current one. */
    OrderSummaryDocument moveTo(OrderStatus newStatus, RejectionReason newReason, Instant at, long sequence) {
        return new OrderSummaryDocument(
                orderId,
                customerId,
                newStatus,
                lines,
                total,
                shippingAddress,
                newReason == null ? rejection : newReason,
                placedAt,
                at,
                sequence);
    }

    OrderSummary toSummary() {
        return new OrderSummary(
                OrderId.of(orderId),
                CustomerId.of(customerId),
                status,
                lines.stream().map(Line::toOrderLine).toList(),
                total,
                shippingAddress,
                rejection,
                placedAt,
                updatedAt);
    }
}
