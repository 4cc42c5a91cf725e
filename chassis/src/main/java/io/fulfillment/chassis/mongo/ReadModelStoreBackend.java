package io.fulfillment.chassis.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend with index keys that H2 can compare, and documents that it can store, without Java
 * serialization.
 *
 * <p>The stock backend opens each index map and each collection's document map with H2's generic object type:
 * <ul>
 *   <li>A {@link KeyValue} is not {@link Comparable}, so every comparison in an index's B-tree Java-serializes both
 *   keys and compares the bytes: about 15 comparisons per {@code _id} lookup and three lookups per upsert, measured as
 *   8 % of the whole process's CPU under load (docs/performance.md). Here an index map's keys have their own type: a
 *   key that is a single string (every read model's {@code _id}) is stored and compared as that string; any other key
 *   keeps the generic type, ordered after all strings, so the order stays total.
 *   <li>A document is a map, so H2 writes it with Java serialization and reads it back the same way, on every page it
 *   saves and every page it loads: 7.5 % of the process's CPU under load. Here documents are stored as BSON, the
 *   encoding they arrived in over the wire, with mongo-java-server's own codec; a value the codec cannot encode (none
 *   that a client can send) keeps the generic type.
 * </ul>
 *
 * <p>Both types are part of the file format. A read-model file written with the generic types is converted once, when
 * it is opened: each index or document map is copied into a map of the new type, which then takes its name; a marker
 * in the file says how far it is converted.
 */
final class ReadModelStoreBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(ReadModelStoreBackend.class);

    private static final String INDEX_MAP = "._index_";
    private static final String DOCUMENT_MAP_PREFIX = "databases.";
    private static final String FORMAT_MAP = "fulfillment.format";
    private static final String INDEX_KEYS = "index-keys";
    private static final int STRING_KEYS = 2;
    private static final String DOCUMENTS = "documents";
    private static final int BSON_DOCUMENTS = 2;

    ReadModelStoreBackend(String fileName) {
        super(convert(MVStore.open(fileName)));
    }

    /**
     * Called from {@link H2Backend}'s constructor, before this class's own fields exist; it needs none. The database is
     * an inner class because its own constructor already opens indexes, and an inner instance can reach this backend's
     * store from that moment on.
     */
    @Override
    protected H2Database openOrCreateDatabase(String databaseName) {
        return new StringKeyedDatabase(databaseName);
    }

    /** Converts what an older version of this class (or the stock backend) wrote, once per part of the format. */
    private static MVStore convert(MVStore store) {
        convert(store, INDEX_KEYS, STRING_KEYS, name -> name.contains(INDEX_MAP), ReadModelStoreBackend::openIndex);
        convert(
                store,
                DOCUMENTS,
                BSON_DOCUMENTS,
                name -> name.startsWith(DOCUMENT_MAP_PREFIX),
                ReadModelStoreBackend::openDocuments);
        return store;
    }

    /**
     * Copies each map the predicate names into a map opened the new way, which then takes its name, unless the file's
     * marker for this part of the format says it is done; then sets the marker.
     */
    private static <K, V> void convert(
            MVStore store,
            String part,
            int version,
            Predicate<String> maps,
            BiFunction<MVStore, String, MVMap<K, V>> openConverted) {
        MVMap<String, Integer> format = store.openMap(FORMAT_MAP);
        if (format.getOrDefault(part, 0) >= version) {
            return;
        }
        List<String> names = store.getMapNames().stream().filter(maps).toList();
        for (String name : names) {
            MVMap<K, V> generic = store.openMap(name);
            MVMap<K, V> converted = openConverted.apply(store, name + ".converting");
            converted.clear();
            converted.putAll(generic);
            store.removeMap(generic);
            store.renameMap(converted, name);
        }
        format.put(part, version);
        store.commit();
        if (!names.isEmpty()) {
            log.info("Read-model file converted: {} in format {} ({} maps)", part, version, names.size());
        }
    }

    private static MVMap<KeyValue, Object> openIndex(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }

    private static MVMap<Object, Document> openDocuments(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
    }

    /** The stock database, except for how it opens a unique index and a collection's documents. */
    private final class StringKeyedDatabase extends H2Database {

        StringKeyedDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the stock backend's map names, so dropping, renaming or counting a collection finds them
            String fullName = getFullCollectionNamespace(collectionName);
            return new UpdatesOnCopiesCollection(
                    this,
                    collectionName,
                    options,
                    openDocuments(getMvStore(), DOCUMENT_MAP_PREFIX + fullName),
                    getMvStore().openMap("meta." + fullName),
                    getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // the stock backend's map name, so dropping an index or a database finds it
            String name = getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName;
            return new UniqueIndex(openIndex(getMvStore(), name), indexName, keys, sparse);
        }
    }

    /**
     * The stock collection, except that an update never changes a document the map holds.
     *
     * <p>mongo-java-server updates a document by changing the instance it read from the map, field by field, and
     * putting that same instance back. The map's pages hold that instance, and H2 writes committed pages on its own
     * serialization thread while the next batch's updates run: a page being written could then see a document half
     * updated (a torn write in the file) or fail with {@link java.util.ConcurrentModificationException}, which fails
     * the store's commit and with it every later one (seen under load, docs/performance.md). Here, while this thread
     * updates, every document read from the map is a copy; the copy is changed and put, and an instance in the map is
     * never changed again. Queries read the stored instances as before.
     */
    private static final class UpdatesOnCopiesCollection extends H2Collection {

        private final ThreadLocal<Boolean> updating = ThreadLocal.withInitial(() -> false);

        UpdatesOnCopiesCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> dataMap,
                MVMap<String, Object> metaMap,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        public synchronized Document updateDocuments(
                Document selector,
                Document update,
                ArrayFilters arrayFilters,
                boolean isMulti,
                boolean isUpsert,
                Oplog oplog) {
            return onCopies(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return onCopies(() -> super.findAndModify(query));
        }

        @Override
        protected Document getDocument(Object position) {
            Document stored = super.getDocument(position);
            return updating.get() && stored != null ? copy(stored) : stored;
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            Stream<DocumentWithPosition<Object>> stored = super.streamAllDocumentsWithPosition();
            return updating.get()
                    ? stored.map(entry -> new DocumentWithPosition<>(copy(entry.getDocument()), entry.getPosition()))
                    : stored;
        }

        /** The stock full scan reads the map's values directly; while updating, it reads copies instead. */
        @Override
        protected QueryResult matchDocuments(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            if (!updating.get()) {
                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            Stream<DocumentWithPosition<Object>> all = streamAllDocumentsWithPosition();
            if (isNaturalDescending(orderBy)) {
                all = all.sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()));
            }
            return matchDocumentsFromStream(
                    all.map(DocumentWithPosition::getDocument),
                    query,
                    orderBy,
                    numberToSkip,
                    limit,
                    batchSize,
                    fieldSelector);
        }

        private <T> T onCopies(Supplier<T> update) {
            updating.set(true);
            try {
                return update.get();
            } finally {
                updating.set(false);
            }
        }

        /** A copy of the document's structure (documents and lists); the values in it are not changed in place. */
        private static Document copy(Document document) {
            Document copy = new Document();
            document.forEach((key, value) -> copy.put(key, copyValue(value)));
            return copy;
        }

        private static Object copyValue(Object value) {
            if (value instanceof Document document) {
                return copy(document);
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(element -> copy.add(copyValue(element)));
                return copy;
            }
            return value;
        }
    }

    /** The stock unique index over an H2 map (whose constructor is not public). */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /** Single-string keys as strings, ordered first; any other key in H2's generic type, after them. */
    static final class IndexKeyType extends BasicDataType<KeyValue> {

        private static final byte STRING = 0;
        private static final byte OTHER = 1;

        private final ObjectDataType other = new ObjectDataType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            String left = singleString(a);
            String right = singleString(b);
            if (left != null && right != null) {
                return left.compareTo(right);
            }
            if (left != null || right != null) {
                return left != null ? -1 : 1;
            }
            return other.compare(a, b);
        }

        @Override
        public int getMemory(KeyValue key) {
            String string = singleString(key);
            return string != null ? 48 + 2 * string.length() : other.getMemory(key);
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            String string = singleString(key);
            if (string != null) {
                buffer.put(STRING).putVarInt(string.length()).putStringData(string, string.length());
            } else {
                buffer.put(OTHER);
                other.write(buffer, key);
            }
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            if (buffer.get() == STRING) {
                return new KeyValue(DataUtils.readString(buffer, DataUtils.readVarInt(buffer)));
            }
            return (KeyValue) other.read(buffer);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }

        private static String singleString(KeyValue key) {
            return key.size() == 1 && key.get(0) instanceof String string ? string : null;
        }
    }

    /** Documents as BSON, in mongo-java-server's own codec; a document it cannot encode in H2's generic type. */
    static final class DocumentType extends BasicDataType<Document> {

        private static final byte BSON = 0;
        private static final byte OTHER = 1;
        private static final int INITIAL_BUFFER = 512;

        private final ObjectDataType other = new ObjectDataType();

        /** A moving estimate of a document's size in memory, as H2's generic type keeps for what it serializes. */
        private volatile int averageSize = INITIAL_BUFFER;

        @Override
        public int getMemory(Document document) {
            return averageSize;
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            ByteBuf bson = Unpooled.buffer(INITIAL_BUFFER);
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (IllegalArgumentException notBson) {
                buffer.put(OTHER);
                other.write(buffer, document);
                return;
            }
            int length = bson.readableBytes();
            averageSize = (15 * averageSize + 2 * length) / 16;
            buffer.put(BSON).put(bson.nioBuffer());
        }

        @Override
        public Document read(ByteBuffer buffer) {
            if (buffer.get() != BSON) {
                return (Document) other.read(buffer);
            }
            // a BSON document starts with its own length, little-endian, including those four bytes
            int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            byte[] bson = new byte[length];
            buffer.get(bson);
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }
}
