package io.fulfillment.payment.processing;

import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.RecordPaymentChargedCommand;
import io.fulfillment.contracts.payment.RecordPaymentDeclinedCommand;
import io.fulfillment.contracts.payment.RecordPaymentFailedCommand;
import io.fulfillment.contracts.payment.RecordRefundCompletedCommand;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.payment.provider.ChargeOutcome;
import io.fulfillment.payment.provider.PaymentProviderException;
import io.fulfillment.payment.provider.PspClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Calls the payment service provider for each payment and refund request and records its answer.
 *
 * <p>A charge always ends in a recorded outcome: charged, declined, or failed with the reason (circuit open, retries
 * exhausted, request refused), so the saga waiting on it can go on. A refund that cannot be made is not an outcome the
 * payment can record: the handler throws, and the event goes to the dead-letter queue of {@value #PROCESSING_GROUP}
 * to be retried once the provider is back. Redelivery is safe either way, because the provider honours the idempotency
 * key and the aggregate ignores an outcome it already recorded.
 */
@Component
@ProcessingGroup(PaymentProcessor.PROCESSING_GROUP)
@DisallowReplay
class PaymentProcessor {

    static final String PROCESSING_GROUP = "payment-psp";

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessor.class);

    private final PspClient psp;
    private final ChargeLookup charges;
    private final CommandGateway commandGateway;

    PaymentProcessor(PspClient psp, ChargeLookup charges, CommandGateway commandGateway) {
        this.psp = psp;
        this.charges = charges;
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(PaymentRequestedEvent event) {
        Object outcome;
        try {
            ChargeOutcome charge = psp.charge(event.paymentId(), event.amount());
            if (charge instanceof ChargeOutcome.Approved approved) {
                outcome = new RecordPaymentChargedCommand(event.paymentId(), approved.transactionId());
            } else {
                outcome =
                        new RecordPaymentDeclinedCommand(event.paymentId(), ((ChargeOutcome.Declined) charge).reason());
            }
        } catch (PaymentProviderException e) {
            log.warn("Payment {} failed: {}", event.paymentId(), e.getMessage());
            outcome = new RecordPaymentFailedCommand(event.paymentId(), e.getMessage());
        }
        commandGateway.sendAndWait(outcome);
    }

    @EventHandler
    void on(RefundRequestedEvent event) {
        String transactionId = charges.transactionOf(event.paymentId());
        String refundId = psp.refund(event.paymentId(), transactionId, event.amount());
        commandGateway.sendAndWait(new RecordRefundCompletedCommand(event.paymentId(), refundId));
    }
}
