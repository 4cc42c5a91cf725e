package io.fulfillment.orderquery.testapp;

import io.fulfillment.chassis.correlation.CorrelationId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * Appends domain events to the event store as the other contexts' aggregates would: each aggregate's events numbered
 * 0, 1, 2... and tagged with a correlation id, so the projections see exactly what production gives them.
 */
public class EventLog {

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    public EventLog(EventStore eventStore, TransactionManager transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    public void append(String aggregateType, Object aggregateId, Object payload, String correlationId) {
        String id = aggregateId.toString();
        long sequence = sequences.merge(id, 0L, (previous, ignored) -> previous + 1);
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>(
                aggregateType, id, sequence, payload, MetaData.with(CorrelationId.METADATA_KEY, correlationId));
        transactions.executeInTransaction(() -> eventStore.publish(event));
    }
}
