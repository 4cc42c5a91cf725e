package io.fulfillment.chassis.admin;

/**
 * One event processor as operators see it: its state, whether it runs, where it stands in the event stream and, while
 * it replays, how far the replay got.
 *
 * @param state what an operator needs to know first; a replay that has reached the position where it was started
 *     reads {@code CAUGHT_UP} (or {@code CATCHING_UP}), even while Axon still flags the segments as replaying until the
 *     next new event arrives
 * @param replaying true while the state is {@code REPLAYING}
 * @param position lowest global position over its segments (null before it handled anything)
 * @param headPosition the position of the newest event in the store
 * @param lag events between position and head
 * @param replayProgress 0..1 while replaying, null otherwise
 */
record ProcessorStatus(
        String name,
        State state,
        boolean running,
        boolean error,
        boolean replaying,
        boolean caughtUp,
        boolean supportsReplay,
        int segments,
        Long position,
        Long headPosition,
        Long lag,
        Double replayProgress) {

    /** The state of a processor, worst first. */
    enum State {
        /** It stopped on a failure; it retries on its own, the log says why. */
        ERROR,
        /** It is not running. */
        STOPPED,
        /** It rebuilds its read model and has not yet reached the position where the replay started. */
        REPLAYING,
        /** It runs behind the head of the event stream. */
        CATCHING_UP,
        /** It has handled every event there is. */
        CAUGHT_UP
    }
}
