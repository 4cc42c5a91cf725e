package io.fulfillment.chassis.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import java.util.List;
import java.util.function.Function;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/** The upcasters of the contracts' events, oldest change first. */
final class EventUpcasters {

    private static final String REASON = "reason";

    private EventUpcasters() {}

    static List<EventUpcaster> all() {
        return List.of(
                reasonToCode(OrderRejectedEvent.class, text -> LegacyReasons.rejectionCodeOf(text)
                        .name()),
                reasonToCode(PaymentFailedEvent.class, text -> LegacyReasons.paymentFailureOf(text)
                        .name()),
                reasonToCode(ShipmentRejectedEvent.class, text -> LegacyReasons.deliveryRefusalOf(text)
                        .name()),
                new PayloadRevisionUpcaster(RefundRequestedEvent.class, null, "2") {
                    @Override
                    void upcast(ObjectNode payload) {
                        // not recorded by revision 1: the refund looks it up in the payment's history
                        payload.putNull("pspTransactionId");
                    }
                });
    }

    /** Revision 1 → 2 of an event whose {@code reason} text became a code. */
    private static EventUpcaster reasonToCode(Class<?> payloadType, Function<String, String> codeOfText) {
        return new PayloadRevisionUpcaster(payloadType, null, "2") {
            @Override
            void upcast(ObjectNode payload) {
                String text =
                        payload.path(REASON).isTextual() ? payload.get(REASON).asText() : null;
                payload.put(REASON, text == null ? null : codeOfText.apply(text));
            }
        };
    }
}
