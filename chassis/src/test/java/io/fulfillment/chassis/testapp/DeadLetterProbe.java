package io.fulfillment.chassis.testapp;

import io.fulfillment.chassis.testapp.ProbeMessages.PoisonEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/** Fails on every event it handles, so each lands in its group's {@link SequencedDeadLetterQueue} (dlq enabled). */
@Component
@ProcessingGroup(DeadLetterProbe.GROUP)
class DeadLetterProbe {

    static final String GROUP = "dead-letter-probe";

    @EventHandler
    void on(PoisonEvent event) {
        throw new IllegalArgumentException("the probe refuses " + event.id());
    }
}
