package io.fulfillment.chassis.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service create the token store's identifier on one fresh database, in the worst order: the other
 * instance inserts it right after this one's read found nothing (the MongoDB wire server in memory, with the unique
 * index Axon declares).
 */
class SharedMongoTokenStoreTest {

    private static final String DATABASE = "inventory";

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final String uri = server.bindAndGetConnectionString();
    private final MongoClient otherInstance = MongoClients.create(uri);
    private MongoClient thisInstance;

    @AfterEach
    void stop() {
        if (thisInstance != null) {
            thisInstance.close();
        }
        otherInstance.close();
        server.shutdownNow();
    }

    @Test
    void readsTheIdentifierTheOtherInstanceCreatedBetweenItsReadAndItsInsert() {
        TokenStore other = new SharedMongoTokenStore(builder(otherInstance));
        AtomicReference<Optional<String>> createdByTheOther = new AtomicReference<>();
        TokenStore store = new SharedMongoTokenStore(
                builder(clientThatLetsTheOtherInstanceCreateTheIdentifierAfterItsFirstRead(other, createdByTheOther)));

        Optional<String> identifier = store.retrieveStorageIdentifier();

        assertThat(createdByTheOther.get()).as("the other instance created it").isPresent();
        assertThat(identifier).isEqualTo(createdByTheOther.get());
        assertThat(other.retrieveStorageIdentifier()).isEqualTo(identifier);
    }

    @Test
    void axonsOwnStoreFailsToStartInTheSameInterleaving() {
        TokenStore other = new SharedMongoTokenStore(builder(otherInstance));
        TokenStore store = builder(clientThatLetsTheOtherInstanceCreateTheIdentifierAfterItsFirstRead(
                        other, new AtomicReference<>()))
                .build();

        assertThatThrownBy(store::retrieveStorageIdentifier).isInstanceOf(UnableToRetrieveIdentifierException.class);
    }

    @Test
    void reportsAFailureThatIsNotTheOtherInstancesInsert() {
        thisInstance = MongoClients.create(uri + "/?serverSelectionTimeoutMS=200&connectTimeoutMS=200");
        TokenStore store = new SharedMongoTokenStore(builder(thisInstance));
        server.shutdownNow();

        assertThatThrownBy(store::retrieveStorageIdentifier).isInstanceOf(UnableToRetrieveIdentifierException.class);
    }

    private MongoClient clientThatLetsTheOtherInstanceCreateTheIdentifierAfterItsFirstRead(
            TokenStore other, AtomicReference<Optional<String>> createdByTheOther) {
        AtomicBoolean done = new AtomicBoolean();
        CommandListener interleaving = new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                if (event.getCommandName().equals("find") && done.compareAndSet(false, true)) {
                    createdByTheOther.set(other.retrieveStorageIdentifier());
                }
            }
        };
        thisInstance = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(interleaving)
                .build());
        return thisInstance;
    }

    private static MongoTokenStore.Builder builder(MongoClient client) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, DATABASE)
                        .build())
                .serializer(JacksonSerializer.defaultSerializer());
    }
}
