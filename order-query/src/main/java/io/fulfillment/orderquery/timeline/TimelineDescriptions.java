package io.fulfillment.orderquery.timeline;

import io.fulfillment.contracts.inventory.StockCommittedEvent;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderShippingScheduledEvent;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.payment.ChargeReversalRequestedEvent;
import io.fulfillment.contracts.payment.ChargeReversedEvent;
import io.fulfillment.contracts.payment.PaymentCancelledEvent;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentRefundedEvent;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.shipping.ShipmentCancelledEvent;
import io.fulfillment.contracts.shipping.ShipmentDeliveredEvent;
import io.fulfillment.contracts.shipping.ShipmentDispatchedEvent;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import java.util.List;

/** What each event of an order means, in one line a person reads on the order's timeline. */
final class TimelineDescriptions {

    private static final String CONTRACTS_PACKAGE = "io.fulfillment.contracts.";

    private TimelineDescriptions() {}

    /** The context that published an event, named after the contracts package of its payload. */
    static String contextOf(Object payload) {
        String packageName = payload.getClass().getPackageName();
        return packageName.startsWith(CONTRACTS_PACKAGE)
                ? packageName.substring(CONTRACTS_PACKAGE.length())
                : packageName;
    }

    // order

    static String describe(OrderPlacedEvent event) {
        return "Order placed by customer %s: %s, total %s"
                .formatted(event.customerId(), count(event.lines().size(), "line"), event.total());
    }

    static String describe(OrderStockReservedEvent event) {
        return "Stock reserved for every line";
    }

    static String describe(OrderPaidEvent event) {
        return "Order paid (payment %s)".formatted(event.paymentId());
    }

    static String describe(OrderShippingScheduledEvent event) {
        return "Shipping scheduled (shipment %s)".formatted(event.shipmentId());
    }

    static String describe(OrderConfirmedEvent event) {
        return "Order confirmed";
    }

    static String describe(OrderRejectedEvent event) {
        return "Order rejected: " + event.reason();
    }

    static String describe(OrderCancelledEvent event) {
        return "Order cancelled: " + event.reason();
    }

    // inventory

    static String describe(StockReservedEvent event) {
        return "Reserved %d × %s".formatted(event.quantity(), event.productId());
    }

    static String describe(StockReservationRejectedEvent event) {
        return "Could not reserve %d × %s: only %d available"
                .formatted(event.requested(), event.productId(), event.available());
    }

    static String describe(StockReleasedEvent event) {
        return "Released %d × %s".formatted(event.quantity(), event.productId());
    }

    static String describe(StockCommittedEvent event) {
        return "Committed %d × %s to the shipment".formatted(event.quantity(), event.productId());
    }

    // payment

    static String describe(PaymentRequestedEvent event) {
        return "Payment of %s requested (payment %s)".formatted(event.amount(), event.paymentId());
    }

    static String describe(PaymentChargedEvent event) {
        return "Charged %s (PSP transaction %s)".formatted(event.amount(), event.pspTransactionId());
    }

    static String describe(PaymentDeclinedEvent event) {
        return "Payment declined: " + event.reason();
    }

    static String describe(PaymentFailedEvent event) {
        return "Payment failed: " + event.reason();
    }

    static String describe(PaymentCancelledEvent event) {
        return "Payment cancelled: " + event.reason();
    }

    static String describe(RefundRequestedEvent event) {
        return "Refund of %s requested: %s".formatted(event.amount(), event.reason());
    }

    static String describe(PaymentRefundedEvent event) {
        return "Refunded %s (PSP refund %s)".formatted(event.amount(), event.pspRefundId());
    }

    static String describe(ChargeReversalRequestedEvent event) {
        return "Reversal requested: whatever the provider holds for payment %s is to be given back"
                .formatted(event.paymentId());
    }

    static String describe(ChargeReversedEvent event) {
        return event.pspRefundId() == null
                ? "Reversed: the provider holds nothing for payment %s".formatted(event.paymentId())
                : "Reversed: charge %s refunded (PSP refund %s)"
                        .formatted(event.pspTransactionId(), event.pspRefundId());
    }

    // shipping

    static String describe(ShipmentScheduledEvent event) {
        return "Shipment %s scheduled to %s, %s: %s"
                .formatted(
                        event.shipmentId(),
                        event.address().city(),
                        event.address().country(),
                        units(event.items()));
    }

    static String describe(ShipmentRejectedEvent event) {
        return "Shipment rejected: " + event.reason();
    }

    static String describe(ShipmentDispatchedEvent event) {
        return "Shipment %s dispatched: %s".formatted(event.shipmentId(), units(event.items()));
    }

    static String describe(ShipmentDeliveredEvent event) {
        return "Shipment %s delivered".formatted(event.shipmentId());
    }

    static String describe(ShipmentCancelledEvent event) {
        return "Shipment cancelled: " + event.reason();
    }

    private static String units(List<ShipmentItem> items) {
        return count(items.stream().mapToInt(ShipmentItem::quantity).sum(), "unit");
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
