package io.fulfillment.chassis.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/** The writer against the embedded MongoDB wire server (in memory), watching the commands it sends. */
class MongoBatchWriterTest {

    private static final Set<String> DATA_COMMANDS = Set.of("find", "update", "delete", "insert", "findAndModify");

    @Document("parcels")
    record Parcel(@Id String id, String state) {}

    @Document("labels")
    record Label(@Id String id, int version) {}

    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private MongoBatchWriter writer;

    @BeforeEach
    void startMongo() {
        assertThat(CurrentUnitOfWork.isStarted())
                .as("a unit of work left on the thread by an earlier test would be the batch of these ones")
                .isFalse();
        server = new MongoServer(H2Backend.inMemory());
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (DATA_COMMANDS.contains(event.getCommandName())) {
                    commands.add(event.getCommand().clone());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(recorder)
                .build());
        mongo = new MongoTemplate(client, "batch-writer-test");
        writer = new MongoBatchWriter(mongo);
    }

    @AfterEach
    void stopMongo() {
        // a failed test must not leave its unit of work on the thread for the next one
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
        client.close();
        server.shutdownNow();
    }

    @Test
    void aLoadInTheBatchSeesWhatTheBatchSavedBeforeAnythingIsWritten() {
        mongo.save(new Parcel("p-1", "packed"));
        commands.clear();
        DefaultUnitOfWork<?> batch = startBatch();

        assertThat(writer.load(Parcel.class, "p-1")).contains(new Parcel("p-1", "packed"));
        writer.save(new Parcel("p-1", "shipped"));
        writer.save(new Parcel("p-2", "new"));

        assertThat(writer.load(Parcel.class, "p-1")).contains(new Parcel("p-1", "shipped"));
        assertThat(writer.load(Parcel.class, "p-2")).contains(new Parcel("p-2", "new"));
        assertThat(mongo.findById("p-1", Parcel.class)).isEqualTo(new Parcel("p-1", "packed"));
        assertThat(mongo.findById("p-2", Parcel.class)).isNull();
        assertThat(commandNames()).containsOnly("find");
        batch.commit();
    }

    @Test
    void readsEachDocumentOnceByIdAloneAndRemembersAMiss() {
        mongo.save(new Parcel("p-1", "packed"));
        commands.clear();
        DefaultUnitOfWork<?> batch = startBatch();

        writer.load(Parcel.class, "p-1");
        writer.load(Parcel.class, "p-1");
        writer.load(Parcel.class, "missing");
        assertThat(writer.load(Parcel.class, "missing")).isEmpty();
        batch.commit();

        assertThat(commands).hasSize(2).allSatisfy(command -> {
            assertThat(command.getString("find").getValue()).isEqualTo("parcels");
            assertThat(command.getDocument("filter").keySet()).containsExactly("_id");
        });
    }

    @Test
    void readsTheDocumentsOfEveryAggregateInTheBatchWithItsFirstReadOfACollection() {
        mongo.save(new Parcel("p-1", "packed"));
        mongo.save(new Parcel("p-3", "packed"));
        commands.clear();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                new GenericDomainEventMessage<>("Parcel", "p-1", 0, "packed"),
                new GenericDomainEventMessage<>("Parcel", "p-2", 0, "created"),
                new GenericDomainEventMessage<>("Parcel", "p-3", 1, "weighed")));
        batch.start();

        assertThat(writer.load(Parcel.class, "p-1")).contains(new Parcel("p-1", "packed"));
        assertThat(writer.load(Parcel.class, "p-2")).isEmpty();
        assertThat(writer.load(Parcel.class, "p-3")).contains(new Parcel("p-3", "packed"));
        assertThat(writer.load(Parcel.class, "elsewhere")).isEmpty();
        batch.commit();

        assertThat(commands).hasSize(2);
        assertThat(commands.get(0).getDocument("filter").toJson())
                .as("one query for the three aggregates' documents")
                .isEqualTo("{\"_id\": {\"$in\": [\"p-1\", \"p-2\", \"p-3\"]}}");
        assertThat(commands.get(1).getDocument("filter").toJson())
                .as("an id no event of the batch named is read by itself")
                .isEqualTo("{\"_id\": \"elsewhere\"}");
    }

    @Test
    void writesTheLastStateOfEachDocumentInOneBulkRequestPerCollectionWhenTheBatchCommits() {
        mongo.save(new Label("l-1", 1));
        commands.clear();
        DefaultUnitOfWork<?> batch = startBatch();
        writer.save(new Parcel("p-1", "packed"));
        writer.save(new Label("l-1", 2));
        writer.save(new Parcel("p-2", "packed"));
        writer.save(new Parcel("p-1", "shipped"));
        writer.save(new Label("l-1", 3));
        assertThat(commands).isEmpty();

        batch.commit();

        assertThat(commandNames()).containsExactly("update", "update");
        BsonDocument parcels = commands.get(0);
        BsonDocument labels = commands.get(1);
        assertThat(parcels.getString("update").getValue()).isEqualTo("parcels");
        assertThat(labels.getString("update").getValue()).isEqualTo("labels");
        assertThat(parcels.getArray("updates")).hasSize(2).allSatisfy(MongoBatchWriterTest::isUpsertReplaceById);
        assertThat(labels.getArray("updates")).hasSize(1).allSatisfy(MongoBatchWriterTest::isUpsertReplaceById);
        assertThat(mongo.findAll(Parcel.class))
                .containsExactlyInAnyOrder(new Parcel("p-1", "shipped"), new Parcel("p-2", "packed"));
        assertThat(mongo.findAll(Label.class)).containsExactly(new Label("l-1", 3));
    }

    @Test
    void writesNothingWhenTheBatchRollsBack() {
        DefaultUnitOfWork<?> batch = startBatch();
        writer.save(new Parcel("p-1", "packed"));

        batch.rollback();

        assertThat(mongo.findAll(Parcel.class)).isEmpty();
        assertThat(commandNames()).doesNotContain("update", "delete", "insert");
    }

    @Test
    void forgetsTheBatchOnceItIsOver() {
        DefaultUnitOfWork<?> rolledBack = startBatch();
        writer.save(new Parcel("p-1", "packed"));
        rolledBack.rollback();

        DefaultUnitOfWork<?> next = startBatch();
        assertThat(writer.load(Parcel.class, "p-1")).isEmpty();
        next.commit();
    }

    @Test
    void deletesADocumentByIdWhenTheBatchCommits() {
        mongo.save(new Parcel("p-1", "packed"));
        mongo.save(new Parcel("p-2", "packed"));
        commands.clear();
        DefaultUnitOfWork<?> batch = startBatch();

        writer.delete(Parcel.class, "p-1");
        assertThat(writer.load(Parcel.class, "p-1")).isEmpty();
        assertThat(mongo.findById("p-1", Parcel.class)).isNotNull();
        commands.clear();
        batch.commit();

        assertThat(commandNames()).containsExactly("delete");
        assertThat(commands.get(0).getArray("deletes")).singleElement().satisfies(delete -> assertThat(
                        delete.asDocument().getDocument("q"))
                .isEqualTo(new BsonDocument("_id", new BsonString("p-1"))));
        assertThat(mongo.findAll(Parcel.class)).containsExactly(new Parcel("p-2", "packed"));
    }

    @Test
    void sharesOneBatchWithTheUnitsOfWorkNestedInIt() {
        DefaultUnitOfWork<?> batch = startBatch();
        DefaultUnitOfWork<?> event = startBatch();
        writer.save(new Parcel("p-1", "packed"));
        event.commit();

        assertThat(mongo.findAll(Parcel.class)).isEmpty();
        assertThat(writer.load(Parcel.class, "p-1")).contains(new Parcel("p-1", "packed"));
        batch.commit();

        assertThat(mongo.findAll(Parcel.class)).containsExactly(new Parcel("p-1", "packed"));
    }

    @Test
    void writesThroughAtOnceOutsideAUnitOfWork() {
        writer.save(new Parcel("p-1", "packed"));
        assertThat(mongo.findById("p-1", Parcel.class)).isEqualTo(new Parcel("p-1", "packed"));

        writer.save(new Parcel("p-1", "shipped"));
        assertThat(writer.load(Parcel.class, "p-1")).contains(new Parcel("p-1", "shipped"));

        writer.delete(Parcel.class, "p-1");
        assertThat(mongo.findById("p-1", Parcel.class)).isNull();
        assertThat(writer.load(Parcel.class, "p-1")).isEmpty();
    }

    @Test
    void keepsTheSameDocumentApartInTwoGenerationsOfItsCollection() {
        mongo.save(new Parcel("p-1", "packed"));
        DefaultUnitOfWork<?> batch = startBatch();

        assertThat(writer.load(Parcel.class, "parcels_g2", "p-1")).isEmpty();
        writer.save(new Parcel("p-1", "rebuilt"), "parcels_g2");
        assertThat(writer.load(Parcel.class, "p-1")).contains(new Parcel("p-1", "packed"));
        batch.commit();

        assertThat(mongo.findById("p-1", Parcel.class)).isEqualTo(new Parcel("p-1", "packed"));
        assertThat(mongo.findById("p-1", Parcel.class, "parcels_g2")).isEqualTo(new Parcel("p-1", "rebuilt"));
    }

    @Nested
    class RememberingCommittedDocuments {

        private MongoBatchWriter remembering;

        @BeforeEach
        void rememberTwo() {
            remembering = new MongoBatchWriter(mongo, 2);
        }

        @Test
        void aLaterBatchReadsWhatAnEarlierOneCommittedWithoutAskingMongo() {
            mongo.save(new Parcel("p-1", "packed"));
            DefaultUnitOfWork<?> first = startBatch();
            remembering.load(Parcel.class, "p-1");
            remembering.save(new Parcel("p-1", "shipped"));
            first.commit();
            commands.clear();

            DefaultUnitOfWork<?> second = startBatch();
            assertThat(remembering.load(Parcel.class, "p-1")).contains(new Parcel("p-1", "shipped"));
            second.commit();

            assertThat(commandNames()).isEmpty();
        }

        @Test
        void aBatchThatRolledBackIsReadFromMongoAgain() {
            DefaultUnitOfWork<?> committed = startBatch();
            remembering.save(new Parcel("p-1", "packed"));
            committed.commit();
            DefaultUnitOfWork<?> failed = startBatch();
            remembering.save(new Parcel("p-1", "shipped"));
            failed.onPrepareCommit(unit -> mongo.save(new Parcel("p-1", "written before the failure")));
            failed.onPrepareCommit(unit -> {
                throw new IllegalStateException("the transaction failed after the bulk write");
            });
            try {
                failed.commit();
            } catch (IllegalStateException expected) {
                // the batch rolled back
            }
            commands.clear();

            DefaultUnitOfWork<?> next = startBatch();
            assertThat(remembering.load(Parcel.class, "p-1")).contains(new Parcel("p-1", "written before the failure"));
            next.commit();
            assertThat(commandNames()).containsExactly("find");
        }

        @Test
        void remembersOnlyTheMostRecentlyUsedDocuments() {
            DefaultUnitOfWork<?> batch = startBatch();
            remembering.save(new Parcel("p-1", "packed"));
            remembering.save(new Parcel("p-2", "packed"));
            remembering.save(new Parcel("p-3", "packed"));
            batch.commit();
            commands.clear();

            DefaultUnitOfWork<?> next = startBatch();
            remembering.load(Parcel.class, "p-3");
            remembering.load(Parcel.class, "p-2");
            remembering.load(Parcel.class, "p-1");
            next.commit();

            assertThat(commands).singleElement().satisfies(find -> assertThat(find.getDocument("filter"))
                    .isEqualTo(new BsonDocument("_id", new BsonString("p-1"))));
        }

        @Test
        void forgetsAllDocumentsOfATypeWhenTheProjectionEmptiesItsCollection() {
            DefaultUnitOfWork<?> batch = startBatch();
            remembering.save(new Parcel("p-1", "packed"));
            remembering.save(new Label("l-1", 1));
            batch.commit();
            mongo.dropCollection(Parcel.class);
            remembering.forgetAll(Parcel.class);
            commands.clear();

            DefaultUnitOfWork<?> next = startBatch();
            assertThat(remembering.load(Parcel.class, "p-1")).isEmpty();
            assertThat(remembering.load(Label.class, "l-1")).contains(new Label("l-1", 1));
            next.commit();
            assertThat(commandNames()).containsExactly("find");
        }
    }

    @Nested
    class RememberingGenerations {

        private MongoBatchWriter remembering;

        @BeforeEach
        void rememberTen() {
            remembering = new MongoBatchWriter(mongo, 10);
        }

        @Test
        void forgetsTheDocumentsOfADroppedGenerationOnly() {
            DefaultUnitOfWork<?> batch = startBatch();
            remembering.save(new Parcel("p-1", "old generation"));
            remembering.save(new Parcel("p-1", "new generation"), "parcels_g2");
            batch.commit();
            mongo.dropCollection("parcels");
            remembering.forgetAll("parcels");
            commands.clear();

            DefaultUnitOfWork<?> next = startBatch();
            assertThat(remembering.load(Parcel.class, "parcels_g2", "p-1"))
                    .contains(new Parcel("p-1", "new generation"));
            assertThat(remembering.load(Parcel.class, "p-1")).isEmpty();
            next.commit();
            assertThat(commandNames()).containsExactly("find");
        }
    }

    private static DefaultUnitOfWork<?> startBatch() {
        return DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
    }

    private List<String> commandNames() {
        return commands.stream().map(BsonDocument::getFirstKey).toList();
    }

    private static void isUpsertReplaceById(BsonValue update) {
        BsonDocument statement = update.asDocument();
        assertThat(statement.getDocument("q").keySet()).containsExactly("_id");
        assertThat(statement.getBoolean("upsert").getValue()).isTrue();
        assertThat(statement.getDocument("u").keySet()).noneMatch(key -> key.startsWith("$"));
    }
}
