package io.fulfillment.order.fulfillment;

import java.util.OptionalLong;

/**
 * Whether the saga has handled every event stored up to a point of the event stream. A step's deadline measures wall
 * time, but the saga's processor may be behind the store (after a restart it works through a backlog): an answer that
 * is already stored must win over a deadline that comes due before the saga has read it.
 */
public interface SagaBacklog {

    /** Position of the newest stored event, if the store tells. */
    OptionalLong headPosition();

    /** True when the saga's processor has handled every event up to {@code position} (or cannot tell). */
    boolean hasHandledUpTo(long position);
}
