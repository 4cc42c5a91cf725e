package io.fulfillment.chassis.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fulfillment.contracts.order.OrderEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
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
 * batch last left it: the first load of an id reads it from MongoDB, later ones (and loads after a {@link #save} or
 * {@link #delete}) come from memory, a missing document included. The batch's first read of a collection fetches, in
 * one {@code {_id: {$in: ...}}} query, every document of that collection the batch is likely to touch: those keyed by
 * the id of an event's aggregate or, for an {@link OrderEvent}, of its order (how this system keys its read models).
 * Any other id is read by itself when it is first loaded, so the guess only decides how many requests a batch makes. Writes only record the newest state; when the batch
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
 *
 * <p><b>Committed documents.</b> With a cache size above zero the writer also remembers, across batches, the state in
 * which committed batches left the documents they wrote (the most recently used ones, up to that many), and a batch's
 * first load of such a document comes from memory instead of a {@code findById}. A batch puts its writes there only
 * after its unit of work has committed, and a batch that rolls back evicts every document it touched. That is right only
 * while this process is the one writer of its read models: each document's events come to one segment (as above), and
 * no other process can hold that segment. The embedded mode (one process, one read-model store) turns it on; the
 * distributed mode turns it off, because a segment may move between two instances of a service and back
 * ({@code fulfillment.read-models.document-cache.max-entries}). Documents must be immutable values (records whose
 * changes produce new instances), since a cached one is handed to every later batch; a projection that empties its
 * collections (a reset) must say so with {@link #forgetAll}.
 */
public class MongoBatchWriter {

    private static final String BATCH = MongoBatchWriter.class.getName() + ".batch";

    private final MongoTemplate mongo;
    private final CommittedDocuments committed;

    /** A writer that reads every batch's documents from MongoDB. */
    public MongoBatchWriter(MongoTemplate mongo) {
        this(mongo, 0);
    }

    /** A writer that remembers up to {@code cachedDocuments} committed documents (0: none); see the class comment. */
    public MongoBatchWriter(MongoTemplate mongo, int cachedDocuments) {
        this.mongo = mongo;
        this.committed = new CommittedDocuments(cachedDocuments);
    }

    /** The document with this id as this batch last left it, or as stored if the batch has not touched it. */
    public <T> Optional<T> load(Class<T> documentType, String id) {
        return load(documentType, mongo.getCollectionName(documentType), id);
    }

    /**
     * {@link #load(Class, String)} from the named collection instead of the type's own, for a read model kept in
     * generations of its collections ({@link ReadModelGenerations}).
     */
    public <T> Optional<T> load(Class<T> documentType, String collection, String id) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.ofNullable(mongo.findById(id, documentType, collection));
        }
        Batch batch = batch();
        Target target = new Target(documentType, collection);
        Documents documents = batch.documentsOf(target);
        if (!documents.known.containsKey(id)) {
            Set<String> wanted = new LinkedHashSet<>();
            wanted.add(id);
            if (!documents.prefetched) {
                documents.prefetched = true;
                wanted.addAll(batch.likelyIds());
            }
            read(target, documents, wanted);
        }
        return documents.known.get(id).map(documentType::cast);
    }

    /** Puts the committed state of each wanted id this batch does not know yet into its documents. */
    private void read(Target target, Documents documents, Set<String> wanted) {
        wanted.removeIf(documents.known::containsKey);
        wanted.removeIf(id -> {
            Object remembered = committed.get(target.type(), target.collection(), id);
            if (remembered != null) {
                documents.known.put(id, Optional.of(remembered));
            }
            return remembered != null;
        });
        if (wanted.size() == 1) {
            String id = wanted.iterator().next();
            documents.known.put(id, Optional.ofNullable(mongo.findById(id, target.type(), target.collection())));
            return;
        }
        if (!wanted.isEmpty()) {
            for (Object document : mongo.find(query(where("_id").in(wanted)), target.type(), target.collection())) {
                documents.known.put(idOf(document), Optional.of(document));
            }
            wanted.forEach(id -> documents.known.putIfAbsent(id, Optional.empty()));
        }
    }

    /** Makes this the document's state; inside a batch it is written (replaced or inserted by id) when the batch commits. */
    public void save(Object document) {
        save(document, mongo.getCollectionName(document.getClass()));
    }

    /** {@link #save(Object)} into the named collection instead of the type's own. */
    public void save(Object document, String collection) {
        if (!CurrentUnitOfWork.isStarted()) {
            committed.forget(document.getClass(), collection, idOf(document));
            mongo.save(document, collection);
            return;
        }
        batch().documentsOf(new Target(document.getClass(), collection)).change(idOf(document), Optional.of(document));
    }

    /** Removes the document; inside a batch it is deleted by id when the batch commits. */
    public void delete(Class<?> documentType, String id) {
        delete(documentType, mongo.getCollectionName(documentType), id);
    }

    /** {@link #delete(Class, String)} from the named collection instead of the type's own. */
    public void delete(Class<?> documentType, String collection, String id) {
        if (!CurrentUnitOfWork.isStarted()) {
            committed.forget(documentType, collection, id);
            mongo.remove(byId(id), documentType, collection);
            return;
        }
        batch().documentsOf(new Target(documentType, collection)).change(id, Optional.empty());
    }

    /**
     * Forgets every remembered document of this type, in whichever collection; a projection calls it when it empties
     * the type's collection (its reset handler, while its processor is stopped).
     */
    public void forgetAll(Class<?> documentType) {
        committed.forgetAll(key -> key.type() == documentType);
    }

    /** Forgets every remembered document of the named collection (it was dropped). */
    public void forgetAll(String collection) {
        committed.forgetAll(key -> key.collection().equals(collection));
    }

    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(root instanceof BatchingUnitOfWork<?> events ? events.getMessages() : List.of());
            root.onPrepareCommit(committing -> batch.flush(mongo));
            root.afterCommit(done -> batch.remember(committed));
            root.onRollback(failed -> batch.forget(committed));
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

    /** The documents one batch has read or written, per collection in the order the batch first touched them. */
    private static final class Batch {

        private final List<? extends Message<?>> events;
        private final Map<Target, Documents> byTarget = new LinkedHashMap<>();
        private Set<String> likelyIds;

        Batch(List<? extends Message<?>> events) {
            this.events = events;
        }

        /** The ids of the batch's events' aggregates and orders. */
        Set<String> likelyIds() {
            if (likelyIds == null) {
                likelyIds = new LinkedHashSet<>();
                for (Message<?> event : events) {
                    if (event instanceof DomainEventMessage<?> domainEvent) {
                        likelyIds.add(domainEvent.getAggregateIdentifier());
                    }
                    if (event.getPayload() instanceof OrderEvent orderEvent) {
                        likelyIds.add(orderEvent.orderId().value());
                    }
                }
            }
            return likelyIds;
        }

        Documents documentsOf(Target target) {
            return byTarget.computeIfAbsent(target, type -> new Documents());
        }

        void flush(MongoTemplate mongo) {
            byTarget.forEach((target, documents) -> documents.flush(mongo, target));
        }

        /** The batch committed: its writes are the documents' committed state. */
        void remember(CommittedDocuments committed) {
            byTarget.forEach((target, documents) -> documents.changed.forEach(id -> committed.put(
                    target.type(),
                    target.collection(),
                    id,
                    documents.known.get(id).orElse(null))));
        }

        /** The batch rolled back after it may have written: what it touched is unknown until read again. */
        void forget(CommittedDocuments committed) {
            byTarget.forEach((target, documents) ->
                    documents.known.keySet().forEach(id -> committed.forget(target.type(), target.collection(), id)));
        }
    }

    /** Where a batch's documents go: a document type and the collection it is written to. */
    private record Target(Class<?> type, String collection) {}

    /** One collection's documents in a batch: the last known state of each id (empty: absent) and which ids changed. */
    private static final class Documents {

        private final Map<String, Optional<?>> known = new HashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();
        private boolean prefetched;

        void change(String id, Optional<?> state) {
            known.put(id, state);
            changed.add(id);
        }

        void flush(MongoTemplate mongo, Target target) {
            if (changed.isEmpty()) {
                return;
            }
            BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, target.type(), target.collection());
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

    /**
     * The committed state of the most recently used documents, shared by every processor thread; bounded, least
     * recently used first out. Size 0 remembers nothing.
     */
    private static final class CommittedDocuments {

        private record Key(Class<?> type, String collection, String id) {}

        private final int capacity;
        private final Map<Key, Object> documents;

        CommittedDocuments(int capacity) {
            this.capacity = capacity;
            this.documents = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                    return size() > CommittedDocuments.this.capacity;
                }
            };
        }

        synchronized Object get(Class<?> type, String collection, String id) {
            return capacity == 0 ? null : documents.get(new Key(type, collection, id));
        }

        /** A deleted document ({@code null}) is forgotten rather than remembered as absent. */
        synchronized void put(Class<?> type, String collection, String id, Object document) {
            if (capacity == 0) {
                return;
            }
            if (document == null) {
                documents.remove(new Key(type, collection, id));
            } else {
                documents.put(new Key(type, collection, id), document);
            }
        }

        synchronized void forget(Class<?> type, String collection, String id) {
            documents.remove(new Key(type, collection, id));
        }

        synchronized void forgetAll(Predicate<Key> which) {
            documents.keySet().removeIf(which);
        }
    }
}
