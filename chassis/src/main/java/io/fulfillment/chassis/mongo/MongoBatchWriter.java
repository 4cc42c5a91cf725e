package io.fulfillment.chassis.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How projections read and write their documents: read-modify-write by {@code _id}, one bulk request per collection
 * per batch of events.
 *
 * <p>Inside an event processor's unit of work (one batch of events) {@link #load} answers with the document as this
 * batch last left it: the first load of an id is a {@code findById}, later ones (and loads after a {@link #save} or
 * {@link #delete}) come from memory, a missing document included. Writes only record the newest state; when the batch
 * commits, each touched collection gets one ordered bulk request holding one replace-or-insert (or delete) by
 * {@code _id} per changed document. A batch that rolls back writes nothing. Outside a unit of work every call goes to
 * MongoDB at once.
 *
 * <p>Why: the embedded MongoDB (mongo-java-server) uses its {@code _id} index only for a filter that is exactly
 * {@code {_id: value}}; a guarded update such as {@code {_id: x, lastSequence: {$lt: n}}} scans the collection. Here
 * every read and write is a pure {@code _id} lookup, the guards (sequence numbers, event ids) are checked in Java on
 * the loaded document, and a document an entire batch touches is written once.
 *
 * <p>Read-modify-write is only right if no one else writes the document meanwhile: a document must be fed by a single
 * processing group, and that group's sequencing policy must send every event that changes the document to the same
 * segment (Axon's default, per aggregate, does this for documents keyed by their aggregate's id).
 *
 * <p>Documents are mapped entities with a {@code String} id; the batch's state lives in the root unit of work, so it
 * is private to the processor thread handling that batch.
 */
public class MongoBatchWriter {

    private static final String BATCH = MongoBatchWriter.class.getName() + ".batch";

    private final MongoTemplate mongo;

    public MongoBatchWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The document with this id as this batch last left it, or as stored if the batch has not touched it. */
    public <T> Optional<T> load(Class<T> documentType, String id) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.ofNullable(mongo.findById(id, documentType));
        }
        Documents documents = batch().documentsOf(documentType);
        Optional<?> known =
                documents.known.computeIfAbsent(id, key -> Optional.ofNullable(mongo.findById(key, documentType)));
        return known.map(documentType::cast);
    }

    /** Makes this the document's state; inside a batch it is written (replaced or inserted by id) when the batch commits. */
    public void save(Object document) {
        if (!CurrentUnitOfWork.isStarted()) {
            mongo.save(document);
            return;
        }
        batch().documentsOf(document.getClass()).change(idOf(document), Optional.of(document));
    }

    /** Removes the document; inside a batch it is deleted by id when the batch commits. */
    public void delete(Class<?> documentType, String id) {
        if (!CurrentUnitOfWork.isStarted()) {
            mongo.remove(byId(id), documentType);
            return;
        }
        batch().documentsOf(documentType).change(id, Optional.empty());
    }

    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(committing -> batch.flush(mongo));
            return batch;
        });
    }

    private String idOf(Object document) {
        Object id = mongo.getConverter()
                .getMappingContext()
                .getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document)
                .getRequiredIdentifier();
        return id.toString();
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
    }

    /** The documents one batch has read or written, per document type in the order the batch first touched them. */
    private static final class Batch {

        private final Map<Class<?>, Documents> byType = new LinkedHashMap<>();

        Documents documentsOf(Class<?> documentType) {
            return byType.computeIfAbsent(documentType, type -> new Documents());
        }

        void flush(MongoTemplate mongo) {
            byType.forEach((type, documents) -> documents.flush(mongo, type));
        }
    }

    /** One type's documents in a batch: the last known state of each id (empty: absent) and which ids changed. */
    private static final class Documents {

        private final Map<String, Optional<?>> known = new HashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();

        void change(String id, Optional<?> state) {
            known.put(id, state);
            changed.add(id);
        }

        void flush(MongoTemplate mongo, Class<?> documentType) {
            if (changed.isEmpty()) {
                return;
            }
            BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, documentType);
            for (String id : changed) {
                known.get(id)
                        .ifPresentOrElse(
                                document -> bulk.replaceOne(
                                        byId(id),
                                        document,
                                        FindAndReplaceOptions.options().upsert()),
                                () -> bulk.remove(byId(id)));
            }
            bulk.execute();
        }
    }
}
