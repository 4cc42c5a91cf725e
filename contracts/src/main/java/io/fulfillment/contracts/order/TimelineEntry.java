package io.fulfillment.contracts.order;

import java.time.Instant;

/** One event in an order's history: when, in which context, what happened and under which correlation id. */
public record TimelineEntry(
        Instant occurredAt, String context, String eventType, String description, String correlationId) {}
