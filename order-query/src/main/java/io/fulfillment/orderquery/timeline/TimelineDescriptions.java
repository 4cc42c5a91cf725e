package io.fulfillment.orderquery.timeline;

import io.fulfillment.contracts.inventory.StockCommittedEvent;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservationWithdrawnEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderEvent;
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
import io.fulfillment.contracts.payment.PaymentFailure;
import io.fulfillment.contracts.payment.PaymentRefundedEvent;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.shipping.DeliveryRefusal;
import io.fulfillment.contracts.shipping.ShipmentCancelledEvent;
import io.fulfillment.contracts.shipping.ShipmentDeliveredEvent;
import io.fulfillment.contracts.shipping.ShipmentDispatchedEvent;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import io.fulfillment.orderquery.RejectionMessages;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /** One line per event type that belongs to an order; a type missing here is described by its name. */
    private static final Map<Class<?>, Function<OrderEvent, String>> DESCRIPTIONS = Map.ofEntries(
            // order
            describing(OrderPlacedEvent.class, event -> "Order placed by customer %s: %s, total %s"
                    .formatted(event.customerId(), count(event.lines().size(), "line"), event.total())),
            describing(OrderStockReservedEvent.class, event -> "Stock reserved for every line"),
            describing(OrderPaidEvent.class, event -> "Order paid (payment %s)".formatted(event.paymentId())),
            describing(OrderShippingScheduledEvent.class, event -> "Shipping scheduled (shipment %s)"
                    .formatted(event.shipmentId())),
            describing(OrderConfirmedEvent.class, event -> "Order confirmed"),
            describing(OrderRejectedEvent.class, event -> "Order rejected (%s): %s"
                    .formatted(event.reason(), RejectionMessages.messageFor(event.reason()))),
            describing(OrderCancelledEvent.class, event -> "Order cancelled: " + event.reason()),
            // inventory
            describing(StockReservedEvent.class, event -> "Reserved %d × %s"
                    .formatted(event.quantity(), event.productId())),
            describing(StockReservationRejectedEvent.class, event -> "Could not reserve %d × %s: only %d available"
                    .formatted(event.requested(), event.productId(), event.available())),
            describing(StockReleasedEvent.class, event -> "Released %d × %s"
                    .formatted(event.quantity(), event.productId())),
            describing(StockCommittedEvent.class, event -> "Committed %d × %s to the shipment"
                    .formatted(event.quantity(), event.productId())),
            describing(
                    StockReservationWithdrawnEvent.class,
                    event -> "Reservation of %s withdrawn: the order ended first".formatted(event.productId())),
            // payment
            describing(PaymentRequestedEvent.class, event -> "Payment of %s requested (payment %s)"
                    .formatted(event.amount(), event.paymentId())),
            describing(PaymentChargedEvent.class, event -> "Charged %s (PSP transaction %s)"
                    .formatted(event.amount(), event.pspTransactionId())),
            describing(PaymentDeclinedEvent.class, event -> "Payment declined: " + event.reason()),
            describing(PaymentFailedEvent.class, event -> "Payment failed: " + failureOf(event.reason())),
            describing(PaymentCancelledEvent.class, event -> "Payment cancelled: " + event.reason()),
            describing(RefundRequestedEvent.class, event -> "Refund of %s requested: %s"
                    .formatted(event.amount(), event.reason())),
            describing(PaymentRefundedEvent.class, event -> "Refunded %s (PSP refund %s)"
                    .formatted(event.amount(), event.pspRefundId())),
            describing(
                    ChargeReversalRequestedEvent.class,
                    event -> "Reversal requested: whatever the provider holds for payment %s is to be given back"
                            .formatted(event.paymentId())),
            describing(
                    ChargeReversedEvent.class,
                    event -> event.pspRefundId() == null
                            ? "Reversed: the provider holds nothing for payment %s".formatted(event.paymentId())
                            : "Reversed: charge %s refunded (PSP refund %s)"
                                    .formatted(event.pspTransactionId(), event.pspRefundId())),
            // shipping
            describing(ShipmentScheduledEvent.class, event -> "Shipment %s scheduled to %s, %s: %s"
                    .formatted(
                            event.shipmentId(),
                            event.address().city(),
                            event.address().country(),
                            units(event.items()))),
            describing(ShipmentRejectedEvent.class, event -> "Shipment rejected: " + refusalOf(event.reason())),
            describing(ShipmentDispatchedEvent.class, event -> "Shipment %s dispatched: %s"
                    .formatted(event.shipmentId(), units(event.items()))),
            describing(ShipmentDeliveredEvent.class, event -> "Shipment %s delivered".formatted(event.shipmentId())),
            describing(ShipmentCancelledEvent.class, event -> "Shipment cancelled: " + event.reason()));

    static String describe(OrderEvent event) {
        Function<OrderEvent, String> description = DESCRIPTIONS.get(event.getClass());
        return description == null ? event.getClass().getSimpleName() : description.apply(event);
    }

    /** Whether events of this type have a line of their own. */
    static boolean describes(Class<?> eventType) {
        return DESCRIPTIONS.containsKey(eventType);
    }

    private static <E extends OrderEvent> Map.Entry<Class<?>, Function<OrderEvent, String>> describing(
            Class<E> type, Function<E, String> description) {
        return Map.entry(type, event -> description.apply(type.cast(event)));
    }

    private static String failureOf(PaymentFailure failure) {
        return switch (failure) {
            case PROVIDER_UNAVAILABLE -> "the provider was unavailable";
            case PROVIDER_REFUSED_REQUEST -> "the provider refused the request";
        };
    }

    private static String refusalOf(DeliveryRefusal refusal) {
        return switch (refusal) {
            case NO_ADDRESS -> "no shipping address was given";
            case NO_COUNTRY -> "the address has no country";
            case COUNTRY_NOT_SERVED -> "the country is outside the delivery area";
            case NO_POSTAL_CODE -> "the address has no postal code";
        };
    }

    private static String units(List<ShipmentItem> items) {
        return count(items.stream().mapToInt(ShipmentItem::quantity).sum(), "unit");
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
