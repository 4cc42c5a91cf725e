package io.fulfillment.chassis.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.fulfillment.chassis.mongo.ReadModelStoreBackend.DocumentType;
import io.fulfillment.chassis.mongo.ReadModelStoreBackend.IndexKeyType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-model store's file, written by the stock backend and by this one, read back through the wire protocol. */
class ReadModelStoreBackendTest {

    @TempDir
    Path dataDir;

    @Test
    void convertsAFileTheStockBackendWroteAndFindsEveryDocumentByIdAfterwards() {
        String file = dataDir.resolve("readmodels.mv").toString();
        withServer(new H2Backend(file), summaries -> {
            for (int order = 0; order < 500; order++) {
                summaries.insertOne(new Document("_id", "order-" + order).append("status", "PLACED"));
            }
            summaries.insertOne(new Document("_id", 42).append("status", "a number as id"));
        });

        withServer(new ReadModelStoreBackend(file), summaries -> {
            assertThat(summaries.find(Filters.eq("_id", "order-123")).first()).containsEntry("status", "PLACED");
            assertThat(summaries.find(Filters.eq("_id", 42)).first()).containsEntry("status", "a number as id");
            assertThat(summaries.countDocuments()).isEqualTo(501);
            assertThatThrownBy(() -> summaries.insertOne(new Document("_id", "order-7")))
                    .as("the converted index still enforces unique ids")
                    .isInstanceOf(MongoWriteException.class);
            summaries.replaceOne(
                    Filters.eq("_id", "order-7"),
                    new Document("_id", "order-7").append("status", "CONFIRMED"),
                    new ReplaceOptions().upsert(true));
            summaries.insertOne(new Document("_id", "order-new").append("status", "PLACED"));
        });

        withServer(new ReadModelStoreBackend(file), summaries -> {
            assertThat(summaries.find(Filters.eq("_id", "order-7")).first()).containsEntry("status", "CONFIRMED");
            assertThat(summaries.find(Filters.eq("_id", "order-new")).first()).containsEntry("status", "PLACED");
            assertThat(summaries.countDocuments()).isEqualTo(502);
        });
    }

    /**
     * H2 writes committed pages on its own thread while later updates run, so a document a page holds must never
     * change: every kind of update (replacement, operator by id, operator by a full scan, find-and-modify) leaves the
     * instance the map held as it was and puts another.
     */
    @Test
    void anUpdateNeverChangesTheDocumentInstanceTheMapHolds() {
        ReadModelStoreBackend backend =
                new ReadModelStoreBackend(dataDir.resolve("readmodels.mv").toString());
        withServer(backend, summaries -> {
            for (String id : List.of("replaced", "set-by-id", "set-by-scan", "found-and-modified")) {
                summaries.insertOne(new Document("_id", id)
                        .append("status", "PLACED")
                        .append("lines", List.of(new Document("sku", "keyboard"))));
            }
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored =
                    backend.getMvStore().openMap("databases.fulfillment.order_summaries");
            Map<String, de.bwaldvogel.mongo.bson.Document> before = new HashMap<>();
            stored.forEach((id, document) -> before.put((String) id, document));

            summaries.replaceOne(
                    Filters.eq("_id", "replaced"),
                    new Document("_id", "replaced")
                            .append("status", "CONFIRMED")
                            .append("lines", List.of()),
                    new ReplaceOptions().upsert(true));
            summaries.updateOne(Filters.eq("_id", "set-by-id"), Updates.set("status", "CONFIRMED"));
            summaries.updateMany(
                    Filters.eq("lines.sku", "keyboard"), Updates.push("lines", new Document("sku", "mouse")));
            summaries.findOneAndUpdate(Filters.eq("_id", "found-and-modified"), Updates.set("status", "REJECTED"));

            before.forEach((id, document) -> {
                assertThat(document.get("status")).as(id).isEqualTo("PLACED");
                assertThat((List<?>) document.get("lines")).as(id).hasSize(1);
                assertThat(stored.get(id)).as(id).isNotSameAs(document);
            });
            assertThat(summaries.find(Filters.eq("_id", "replaced")).first()).containsEntry("lines", List.of());
            assertThat(summaries.find(Filters.eq("_id", "set-by-id")).first()).containsEntry("status", "CONFIRMED");
            assertThat((List<?>) summaries
                            .find(Filters.eq("_id", "set-by-scan"))
                            .first()
                            .get("lines"))
                    .hasSize(2);
            assertThat(summaries.find(Filters.eq("_id", "found-and-modified")).first())
                    .containsEntry("status", "REJECTED");
        });
    }

    @Test
    void keepsEveryBsonTypeAReadModelStoresThroughTheConversionAndAcrossRestarts() {
        String file = dataDir.resolve("readmodels.mv").toString();
        Document written = new Document("_id", "order-1")
                .append("status", "CONFIRMED")
                .append("placedAt", Date.from(Instant.parse("2026-11-30T04:00:00.123Z")))
                .append("total", new Decimal128(new BigDecimal("41.90")))
                .append(
                        "lines",
                        List.of(
                                new Document("productId", "keyboard").append("quantity", 2),
                                new Document("productId", "mouse").append("quantity", 1L)))
                .append("score", 0.5)
                .append("cancelled", false)
                .append("reason", null)
                .append("customer", new Document("id", "customer-ada").append("tags", List.of("a", "b")));
        withServer(new H2Backend(file), summaries -> summaries.insertOne(written));

        withServer(new ReadModelStoreBackend(file), summaries -> {
            assertThat(summaries.find(Filters.eq("_id", "order-1")).first())
                    .as("a document the stock backend Java-serialized, after the conversion")
                    .isEqualTo(written);
            summaries.insertOne(new Document(written).append("_id", "order-2"));
        });

        withServer(new ReadModelStoreBackend(file), summaries -> {
            assertThat(summaries.find(Filters.eq("_id", "order-1")).first()).isEqualTo(written);
            assertThat(summaries.find(Filters.eq("_id", "order-2")).first())
                    .as("a document stored as BSON, after a restart")
                    .isEqualTo(new Document(written).append("_id", "order-2"));
            assertThat(summaries.countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void storesADocumentTheCodecCannotEncodeInTheGenericType() {
        DocumentType documents = new DocumentType();
        de.bwaldvogel.mongo.bson.Document unusual =
                new de.bwaldvogel.mongo.bson.Document("_id", "x").append("short", (short) 3);
        WriteBuffer buffer = new WriteBuffer();

        documents.write(buffer, unusual);

        assertThat(documents.read(buffer.getBuffer().flip())).isEqualTo(unusual);
    }

    @Test
    void ordersSingleStringKeysAsStringsAndEveryOtherKeyAfterThem() {
        IndexKeyType keys = new IndexKeyType();

        assertThat(keys.compare(new KeyValue("a"), new KeyValue("b"))).isNegative();
        assertThat(keys.compare(new KeyValue("b"), new KeyValue("b"))).isZero();
        assertThat(keys.compare(new KeyValue("z"), new KeyValue(1))).isNegative();
        assertThat(keys.compare(new KeyValue(1), new KeyValue("a"))).isPositive();
        assertThat(keys.compare(new KeyValue(1), new KeyValue(1))).isZero();
        assertThat(keys.compare(new KeyValue("a", "b"), new KeyValue("a"))).isPositive();
    }

    private static void withServer(H2Backend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            work.accept(client.getDatabase("fulfillment").getCollection("order_summaries"));
        } finally {
            server.shutdownNow();
        }
    }
}
