package io.fulfillment.benchmarks;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;

/**
 * Counts the requests the backends send to their read-model store (MongoDB): every command the driver starts except
 * the connection's own housekeeping (handshakes, heartbeats, session ends). A projection batch's lookups, bulk writes
 * and the queries' reads all count; one bulk write per collection counts once. Installed as the driver's command
 * listener through a {@link MongoClientSettingsBuilderCustomizer}.
 */
final class ReadModelRequestCounter implements CommandListener {

    private static final Set<String> HOUSEKEEPING =
            Set.of("hello", "isMaster", "ismaster", "ping", "buildInfo", "endSessions", "saslStart", "saslContinue");

    private final LongAdder requests = new LongAdder();
    private final LongAdder clients = new LongAdder();

    long requests() {
        return requests.sum();
    }

    /** How many MongoDB clients were set up with this listener: none means the figure is unavailable. */
    long clients() {
        return clients.sum();
    }

    MongoClientSettingsBuilderCustomizer customizer() {
        return settings -> {
            clients.increment();
            settings.addCommandListener(this);
        };
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!HOUSEKEEPING.contains(event.getCommandName())) {
            requests.increment();
        }
    }
}
