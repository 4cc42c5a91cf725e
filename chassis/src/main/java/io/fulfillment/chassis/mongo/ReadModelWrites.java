package io.fulfillment.chassis.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;

/**
 * Tells a thread whether it has sent the read-model store a write since it last asked. Registered as the MongoDB
 * driver's command listener, which the driver calls on the thread that runs the command: the thread of the unit of
 * work whose transaction commits next (projections write their batch in the unit of work's prepare-commit phase, see
 * {@link MongoBatchWriter}). Every command that is not a known read counts as a write, so an unknown command costs an
 * unneeded commit of the store, never a lost write.
 */
class ReadModelWrites implements CommandListener {

    private static final Set<String> READS = Set.of(
            "find",
            "getMore",
            "count",
            "distinct",
            "killCursors",
            "listCollections",
            "listIndexes",
            "listDatabases",
            "hello",
            "isMaster",
            "ismaster",
            "ping",
            "buildInfo",
            "endSessions");

    private final ThreadLocal<Boolean> written = new ThreadLocal<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!isRead(event.getCommandName(), event.getCommand())) {
            written.set(Boolean.TRUE);
        }
    }

    /** An aggregation reads unless a stage writes its result ({@code countDocuments} is an aggregation, for one). */
    private static boolean isRead(String commandName, BsonDocument command) {
        if ("aggregate".equals(commandName)) {
            return command.getArray("pipeline", new BsonArray()).stream()
                    .noneMatch(stage -> stage.isDocument()
                            && (stage.asDocument().containsKey("$out")
                                    || stage.asDocument().containsKey("$merge")));
        }
        return READS.contains(commandName);
    }

    /** Whether this thread has sent a write since it last asked; asking starts the count again. */
    boolean takeWritten() {
        boolean wrote = written.get() != null;
        written.remove();
        return wrote;
    }
}
