package io.fulfillment.orderquery.timeline;

import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderTimeline;
import io.fulfillment.contracts.order.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One order's history as stored: the entries in the order they were appended, each at most once per event. */
@Document(OrderTimelineDocument.COLLECTION)
record OrderTimelineDocument(@Id String orderId, List<Entry> entries) {

    static final String COLLECTION = "order_timelines";

    /**
     * Entries sort on the event store's global position (Axon Server's global index in the distributed mode, the
     * embedded store's global index in one process): the order events were committed in, so an event always comes
     * after the events that caused it, whichever services recorded them. Not on {@code occurredAt}: each service stamps
     * its events with its own clock when it creates them, and commits them later, so two services' events of one order
     * can carry times out of commit order (a few ms apart on one machine; more with clock skew between machines).
     * Where a token has no position, on the time the event occurred. Equal keys keep the order of insertion.
     */
    private static final Comparator<Entry> IN_ORDER = Comparator.comparing(
                    Entry::position, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
            .thenComparing(Entry::occurredAt);

    /**
     * @param eventId the event's message identifier, which makes appending the entry idempotent
     * @param position the event's global position in the event store, or {@code null} if its tracking token has none
     */
    record Entry(
            String eventId,
            Long position,
            Instant occurredAt,
            String context,
            String eventType,
            String description,
            String correlationId) {

        TimelineEntry toTimelineEntry() {
            return new TimelineEntry(position, occurredAt, context, eventType, description, correlationId);
        }
    }

    static OrderTimelineDocument empty(String orderId) {
        return new OrderTimelineDocument(orderId, List.of());
    }

    /** Whether the event with this identifier is on the timeline already (redelivered or replayed). */
    boolean records(String eventId) {
        return entries != null
                && entries.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }

    /** This timeline with {@code entry} appended. */
    OrderTimelineDocument with(Entry entry) {
        List<Entry> appended = new ArrayList<>(entries == null ? List.of() : entries);
        appended.add(entry);
        return new OrderTimelineDocument(orderId, List.copyOf(appended));
    }

    OrderTimeline toTimeline() {
        List<TimelineEntry> ordered = entries == null
                ? List.of()
                : entries.stream().sorted(IN_ORDER).map(Entry::toTimelineEntry).toList();
        return new OrderTimeline(OrderId.of(orderId), ordered);
    }
}
