package io.fulfillment.chassis.admin;

import java.time.Instant;
import java.util.List;

/** The dead letters of one processing group: events its handlers failed on, waiting for a retry or an eviction. */
record DeadLetterView(String processingGroup, long sequences, List<Letter> letters) {

    /**
     * One event that failed, with the cause of its last failure (none for an event that waits behind an earlier one of
     * its sequence).
     *
     * @param sequenceIdentifier the sequence it holds up: the group's sequencing policy's identifier for it (the order id
     *     for the order projections)
     */
    record Letter(
            String messageId,
            String payloadType,
            String cause,
            Instant enqueuedAt,
            Instant lastTouched,
            String sequenceIdentifier) {}
}
