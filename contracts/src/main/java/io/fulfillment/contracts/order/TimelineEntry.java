package io.fulfillment.contracts.order;

import java.time.Instant;

/**
 * One event in an order's history: its place in the event store, when, in which context, what happened and under which
 * correlation id. {@code position} is the event's global position in the event store, the timeline's order (causes
 * before effects, across services); {@code occurredAt} is the clock of the service that recorded the event, so two
 * events that two services recorded at about the same time may show times a few milliseconds out of that order.
 * {@code position} is null only for an event delivered without one (never by the streaming processors used here).
 */
public record TimelineEntry(
        Long position,
        Instant occurredAt,
        String context,
        String eventType,
        String description,
        String correlationId) {}
