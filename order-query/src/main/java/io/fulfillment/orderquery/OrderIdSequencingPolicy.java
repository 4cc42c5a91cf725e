package io.fulfillment.orderquery;

import io.fulfillment.contracts.order.OrderEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Sequences events by the order they belong to: every {@link OrderEvent} goes to the segment of its order, whichever
 * aggregate published it; any other event falls back to Axon's default, per aggregate. The identifier is the order
 * id's string, the same value the order aggregate's own events are sequenced by under the default policy, so it hashes
 * alike in every JVM.
 */
class OrderIdSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequencingPolicy<? super EventMessage<?>> fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return event.getPayload() instanceof OrderEvent orderEvent
                ? orderEvent.orderId().toString()
                : fallback.getSequenceIdentifierFor(event);
    }
}
