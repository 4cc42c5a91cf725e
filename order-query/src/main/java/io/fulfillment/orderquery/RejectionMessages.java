package io.fulfillment.orderquery;

import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.order.RejectionReason;

/**
 * The words a customer reads for each rejection code: chosen here, where orders are shown, never carried in events, so
 * no refusal's text from another context and no failure's message reaches a customer.
 */
public final class RejectionMessages {

    private RejectionMessages() {}

    /** The reason as clients see it: its code and the message for it. */
    public static RejectionReason reasonFor(RejectionCode code) {
        return new RejectionReason(code, messageFor(code));
    }

    public static String messageFor(RejectionCode code) {
        return switch (code) {
            case OUT_OF_STOCK -> "Not enough stock for one of the products ordered.";
            case PAYMENT_DECLINED -> "The payment was declined.";
            case PAYMENT_FAILED -> "The payment could not be made: the payment provider is unavailable.";
            case ADDRESS_NOT_DELIVERABLE -> "We cannot deliver to the shipping address.";
            case STOCK_RESERVATION_TIMED_OUT -> "The products could not be reserved in time.";
            case PAYMENT_TIMED_OUT -> "The payment did not complete in time.";
            case SHIPMENT_SCHEDULING_TIMED_OUT -> "The shipment could not be scheduled in time.";
            case CANCELLED -> "The order was cancelled.";
            case UNSPECIFIED -> "The order could not be fulfilled.";
        };
    }
}
