package io.fulfillment.chassis.admin;

import java.time.Instant;

/**
 * A blue/green rebuild of one read model as operators follow it: which generation serves queries, which one is being
 * filled, how far that got and when it will be done.
 *
 * @param servingGeneration the generation queries read now
 * @param buildingGeneration the generation the rebuild fills (it serves once the phase is {@code SWITCHED})
 * @param processor the rebuilding event processor, {@code <read model>@g<generation>}
 * @param eventsDone events of the store the rebuilding processor has gone past
 * @param eventsTotal events in the store now
 * @param eventsPerSecond the rebuild's speed over the last few seconds
 * @param etaSeconds the time left at that speed (null until there is a speed)
 * @param error true while the rebuilding processor fails on an event and retries it (the log says why)
 * @param failure why the rebuild stopped ({@code FAILED}), or why the live processor kept its own position after the
 *     pointer had moved ({@code SWITCHED}: harmless, it goes over events the new generation already holds)
 */
record RebuildStatus(
        String readModel,
        Phase phase,
        int servingGeneration,
        int buildingGeneration,
        String processor,
        long eventsDone,
        long eventsTotal,
        double eventsPerSecond,
        Long etaSeconds,
        boolean error,
        Instant startedAt,
        Instant finishedAt,
        String failure) {

    /** Where a rebuild stands. */
    enum Phase {
        /** The new generation is being filled from the start of the event store; queries read the old one. */
        REBUILDING,
        /** The new generation has caught up: the live processor is paused while the pointer and its tokens move. */
        SWITCHING,
        /** Queries read the new generation; the old one is dropped after a grace period. */
        SWITCHED,
        /** The old generation is gone: the rebuild is complete. */
        DONE,
        /** An operator stopped it; the new generation was dropped and the old one still serves. */
        ABORTED,
        /** The switch could not be made (see failure); the old generation still serves. */
        FAILED;

        boolean isActive() {
            return this == REBUILDING || this == SWITCHING;
        }
    }
}
