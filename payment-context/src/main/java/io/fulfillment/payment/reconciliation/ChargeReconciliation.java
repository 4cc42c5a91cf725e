package io.fulfillment.payment.reconciliation;

import io.fulfillment.contracts.payment.ChargeReversalRequestedEvent;
import io.fulfillment.contracts.payment.RecordChargeReversedCommand;
import io.fulfillment.payment.provider.ChargeReversal;
import io.fulfillment.payment.provider.PspClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Reverses, at the provider, the charge of a payment that failed or was abandoned without a recorded charge, and
 * records the reversal on the payment, so that the provider's ledger and the payment's history agree.
 *
 * <p>A reversal the provider cannot make now (outage, open circuit, retries exhausted) throws: the event is parked in
 * the dead-letter queue of {@value #PROCESSING_GROUP} and {@link ParkedReversals} retries it until it goes through.
 * Repeating it is safe: the provider answers a repeated reversal with the first one, and the payment records it once.
 */
@Component
@ProcessingGroup(ChargeReconciliation.PROCESSING_GROUP)
@DisallowReplay
class ChargeReconciliation {

    static final String PROCESSING_GROUP = "payment-reconciliation";

    private final PspClient psp;
    private final CommandGateway commandGateway;

    ChargeReconciliation(PspClient psp, CommandGateway commandGateway) {
        this.psp = psp;
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(ChargeReversalRequestedEvent event) {
        ChargeReversal reversal = psp.reverseCharge(event.paymentId());
        commandGateway.sendAndWait(
                new RecordChargeReversedCommand(event.paymentId(), reversal.transactionId(), reversal.refundId()));
    }
}
