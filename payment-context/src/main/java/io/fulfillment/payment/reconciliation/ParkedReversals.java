package io.fulfillment.payment.reconciliation;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Retries the reversals parked in the dead-letter queue of {@value ChargeReconciliation#PROCESSING_GROUP}. Unlike a
 * refund, which an operator retries through {@code /admin/dead-letters}, a reversal has no one waiting for it, so
 * nobody would think of retrying it: the money would stay with the provider. Each round retries the least recently
 * tried sequences one after the other and stops at the first that fails again, so a provider that is still down costs
 * one call per round.
 *
 * <p>It keeps no timer of its own: the rounds are a recurring task of the durable scheduler the mode already runs
 * ({@link ParkedReversalsSchedule}). Public, with a public {@link #retryRound()}, only because JobRunr invokes it by
 * reflection in the distributed mode.
 */
@Component
public class ParkedReversals {

    private static final Logger log = LoggerFactory.getLogger(ParkedReversals.class);

    private final EventProcessingConfiguration processing;

    ParkedReversals(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** @return how many parked reversals went through */
    int retry() {
        SequencedDeadLetterProcessor<EventMessage<?>> parked = processing
                .sequencedDeadLetterProcessor(ChargeReconciliation.PROCESSING_GROUP)
                .orElse(null);
        int reversed = 0;
        while (parked != null && parked.processAny()) {
            reversed++;
        }
        return reversed;
    }

    /** One scheduled round: a round that fails is logged, never thrown, so the schedule simply runs again. */
    public void retryRound() {
        try {
            int reversed = retry();
            if (reversed > 0) {
                log.info("Reversed {} parked charge(s) at the payment provider", reversed);
            }
        } catch (RuntimeException e) {
            log.warn("Retrying parked charge reversals failed: {}", e.toString());
        }
    }
}
