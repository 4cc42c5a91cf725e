package io.fulfillment.payment.processing;

import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Finds the provider's transaction of a charged payment in the payment's own events, for a refund request recorded
 * before the request carried it ({@code RefundRequestedEvent} revision 1, ADR 0018); a request recorded since names
 * the charge itself. The payment's history is the one source that always has it, unlike a read model that may lag.
 */
@Component
class ChargeLookup {

    private static final long FIRST_EVENT = 0;

    private final EventStore eventStore;

    ChargeLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    String transactionOf(PaymentId paymentId) {
        return eventStore
                .readEvents(paymentId.toString(), FIRST_EVENT)
                .asStream()
                .map(EventMessage::getPayload)
                .filter(PaymentChargedEvent.class::isInstance)
                .map(PaymentChargedEvent.class::cast)
                .map(PaymentChargedEvent::pspTransactionId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "payment " + paymentId + " has no recorded charge, so there is nothing to refund"));
    }
}
