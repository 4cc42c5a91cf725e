package io.fulfillment.chassis.admin;

/**
 * One event processor as operators see it: whether it runs, where it stands in the event stream and, while it
 * replays, how far the replay got.
 *
 * @param position lowest global position over its segments (null before it handled anything)
 * @param headPosition the position of the newest event in the store
 * @param lag events between position and head
 * @param replayProgress 0..1 while replaying, null otherwise; at 1 the read model is rebuilt (Axon clears the
 *     replaying flag only when the next new event arrives)
 */
record ProcessorStatus(
        String name,
        boolean running,
        boolean error,
        boolean replaying,
        boolean caughtUp,
        boolean supportsReplay,
        int segments,
        Long position,
        Long headPosition,
        Long lag,
        Double replayProgress) {}
