package io.fulfillment.chassis.upcasting;

import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.payment.PaymentFailure;
import io.fulfillment.contracts.shipping.DeliveryRefusal;
import java.util.Arrays;
import java.util.Map;

/**
 * The codes of the reasons that were text before ADR 0018: every text the first revision could hold, read back as the
 * code it meant. The texts are those the saga, the payment processor and the delivery area wrote, word for word.
 */
public final class LegacyReasons {

    private static final Map<String, RejectionCode> REJECTIONS_BY_LEAD = Map.of(
            "out of stock", RejectionCode.OUT_OF_STOCK,
            "payment declined", RejectionCode.PAYMENT_DECLINED,
            "payment failed", RejectionCode.PAYMENT_FAILED,
            "shipment rejected", RejectionCode.ADDRESS_NOT_DELIVERABLE,
            "stock reservation timed out", RejectionCode.STOCK_RESERVATION_TIMED_OUT,
            "payment timed out", RejectionCode.PAYMENT_TIMED_OUT,
            "shipment scheduling timed out", RejectionCode.SHIPMENT_SCHEDULING_TIMED_OUT);

    private static final Map<String, DeliveryRefusal> DELIVERY_REFUSALS = Map.of(
            "no shipping address was given", DeliveryRefusal.NO_ADDRESS,
            "the address has no country", DeliveryRefusal.NO_COUNTRY,
            "the address has no postal code", DeliveryRefusal.NO_POSTAL_CODE);

    private LegacyReasons() {}

    /**
     * The code of an order's rejection, from the saga's text ({@code "payment failed: …"}, {@code "payment timed out"})
     * or from a code's name (a saga stored after the change); {@link RejectionCode#UNSPECIFIED} for anything else.
     */
    public static RejectionCode rejectionCodeOf(String reason) {
        if (reason == null) {
            return null;
        }
        if (Arrays.stream(RejectionCode.values()).anyMatch(code -> code.name().equals(reason))) {
            return RejectionCode.valueOf(reason);
        }
        String lead = reason.split(":", 2)[0].strip();
        return REJECTIONS_BY_LEAD.getOrDefault(lead, RejectionCode.UNSPECIFIED);
    }

    /**
     * The code of a failed charge, from the payment provider client's message: a refused request said so ("payment
     * provider refused the charge: …"); every other message meant the provider could not be reached or answered.
     */
    static PaymentFailure paymentFailureOf(String reason) {
        return reason != null && reason.startsWith("payment provider refused the")
                ? PaymentFailure.PROVIDER_REFUSED_REQUEST
                : PaymentFailure.PROVIDER_UNAVAILABLE;
    }

    /**
     * The code of a delivery refusal, from the delivery area's text. Three texts were fixed; the fourth named the
     * country ({@code "country 'JP' is outside the delivery area"}), so any other text is that one.
     */
    static DeliveryRefusal deliveryRefusalOf(String reason) {
        return DELIVERY_REFUSALS.getOrDefault(reason, DeliveryRefusal.COUNTRY_NOT_SERVED);
    }
}
