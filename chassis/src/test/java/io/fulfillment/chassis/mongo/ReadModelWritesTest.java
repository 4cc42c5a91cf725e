package io.fulfillment.chassis.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadModelWritesTest {

    private final ReadModelWrites writes = new ReadModelWrites();
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> documents;

    @BeforeEach
    void connect() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(writes)
                .build());
        documents = client.getDatabase("probe").getCollection("documents");
        writes.takeWritten();
    }

    @AfterEach
    void disconnect() {
        client.close();
        server.shutdown();
    }

    @Test
    void readsAreNotWrites() {
        documents.find(Filters.eq("_id", "a")).first();
        documents.countDocuments();

        assertThat(writes.takeWritten()).isFalse();
    }

    @Test
    void anAggregationThatStoresItsResultIsAWrite() {
        documents.aggregate(List.of(new Document("$out", "copies"))).toCollection();

        assertThat(writes.takeWritten()).isTrue();
    }

    @Test
    void anInsertUpdateOrDeleteIsAWriteUntilTheThreadAsks() {
        documents.insertOne(new Document("_id", "a"));

        assertThat(writes.takeWritten()).isTrue();
        assertThat(writes.takeWritten()).isFalse();

        documents.deleteOne(Filters.eq("_id", "a"));

        assertThat(writes.takeWritten()).isTrue();
    }

    @Test
    void aWriteCountsOnlyForTheThreadThatSentIt() throws Exception {
        CompletableFuture.runAsync(() -> documents.insertOne(new Document("_id", "b")))
                .get();

        assertThat(writes.takeWritten()).isFalse();
    }
}
