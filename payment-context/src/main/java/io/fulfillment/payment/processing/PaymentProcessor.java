package io.fulfillment.payment.processing;

import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.RecordPaymentChargedCommand;
import io.fulfillment.contracts.payment.RecordPaymentDeclinedCommand;
import io.fulfillment.contracts.payment.RecordPaymentFailedCommand;
import io.fulfillment.contracts.payment.RecordRefundCompletedCommand;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.payment.provider.ChargeOutcome;
import io.fulfillment.payment.provider.PaymentProviderException;
import io.fulfillment.payment.provider.PspClient;
import java.util.Optional;
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
 * exhausted, request refused), so the saga waiting on it can go on. A failure is not taken at its word: every attempt
 * may have reached the provider and only its answer been lost or come too late, so before recording one the handler
 * asks the provider for the charge under the same idempotency key, and records what it finds. When it cannot ask, or
 * finds nothing (a request may still be on its way), the payment fails and requests the reversal of whatever the
 * provider holds, which the reconciliation makes (package {@code reconciliation}).
 *
 * <p>A refund that cannot be made is not an outcome the payment can record: the handler throws, and the event goes to
 * the dead-letter queue of {@value #PROCESSING_GROUP} to be retried once the provider is back. Redelivery is safe
 * either way, because the provider honours the idempotency key and the aggregate ignores an outcome it already
 * recorded.
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
        commandGateway.sendAndWait(outcomeOf(event.paymentId(), event.amount()));
    }

    private Object outcomeOf(PaymentId paymentId, Money amount) {
        try {
            return record(paymentId, psp.charge(paymentId, amount));
        } catch (PaymentProviderException chargeFailed) {
            Optional<ChargeOutcome> found = chargeFoundAtProvider(paymentId);
            if (found.isPresent()) {
                log.info(
                        "Payment {}: the charge failed ({}), but the provider has it",
                        paymentId,
                        chargeFailed.getMessage());
                return record(paymentId, found.get());
            }
            log.warn("Payment {} failed: {}", paymentId, chargeFailed.getMessage());
            return new RecordPaymentFailedCommand(paymentId, chargeFailed.failure());
        }
    }

    private Optional<ChargeOutcome> chargeFoundAtProvider(PaymentId paymentId) {
        try {
            return psp.findCharge(paymentId);
        } catch (PaymentProviderException lookupFailed) {
            log.warn("Payment {}: cannot ask the provider for the charge: {}", paymentId, lookupFailed.getMessage());
            return Optional.empty();
        }
    }

    private static Object record(PaymentId paymentId, ChargeOutcome charge) {
        if (charge instanceof ChargeOutcome.Approved approved) {
            return new RecordPaymentChargedCommand(paymentId, approved.transactionId());
        }
        return new RecordPaymentDeclinedCommand(paymentId, ((ChargeOutcome.Declined) charge).reason());
    }

    /**
     * Refunds the charge the request names. A request recorded before the event carried the charge (revision 1,
     * upcast with it null) finds it in the payment's history instead.
     */
    @EventHandler
    void on(RefundRequestedEvent event) {
        String transactionId =
                event.pspTransactionId() != null ? event.pspTransactionId() : charges.transactionOf(event.paymentId());
        String refundId = psp.refund(event.paymentId(), transactionId, event.amount());
        commandGateway.sendAndWait(new RecordRefundCompletedCommand(event.paymentId(), refundId));
    }
}
