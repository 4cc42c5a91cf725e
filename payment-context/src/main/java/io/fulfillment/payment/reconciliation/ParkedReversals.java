package io.fulfillment.payment.reconciliation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Retries the reversals parked in the dead-letter queue of {@value ChargeReconciliation#PROCESSING_GROUP}, every
 * {@code fulfillment.payment.reconciliation.retry-interval}. Unlike a refund, which an operator retries through
 * {@code /admin/dead-letters}, a reversal has no one waiting for it, so nobody would think of retrying it: the money
 * would stay with the provider. Each round retries the least recently tried sequences one after the other and stops at
 * the first that fails again, so a provider that is still down costs one call per round.
 *
 * <p>It runs as the last {@link SmartLifecycle} to start and the first to stop, so the event processors are up while
 * it works. With several instances of the service each retries; the dead-letter queue lets only one claim a sequence.
 */
@Component
@EnableConfigurationProperties(ReconciliationProperties.class)
class ParkedReversals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParkedReversals.class);

    private final EventProcessingConfiguration processing;
    private final ReconciliationProperties properties;
    private ScheduledExecutorService scheduler;

    ParkedReversals(EventProcessingConfiguration processing, ReconciliationProperties properties) {
        this.processing = processing;
        this.properties = properties;
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

    private void retryRound() {
        try {
            int reversed = retry();
            if (reversed > 0) {
                log.info("Reversed {} parked charge(s) at the payment provider", reversed);
            }
        } catch (RuntimeException e) {
            // a round that fails must not cancel the schedule: the next one tries again
            log.warn("Retrying parked charge reversals failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "payment-reconciliation-retry");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.retryInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::retryRound, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
