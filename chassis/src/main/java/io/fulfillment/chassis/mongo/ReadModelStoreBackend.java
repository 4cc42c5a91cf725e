package io.fulfillment.chassis.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend with unique-index keys that H2 can compare without Java serialization.
 *
 * <p>The stock backend opens each index map with H2's generic object type. A {@link KeyValue} is not
 * {@link Comparable}, so every comparison in the index's B-tree Java-serializes both keys and compares the bytes:
 * about 15 comparisons per {@code _id} lookup and three lookups per upsert, measured as 8 % of the whole process's CPU
 * under load (docs/performance.md). Here an index map's keys have their own type: a key that is a single string (every
 * read model's {@code _id}) is stored and compared as that string; any other key keeps the generic type, ordered after
 * all strings, so the order stays total.
 *
 * <p>The key type is part of the file format. A read-model file written with the generic type is converted once, when
 * it is opened: each index map is copied into a map of the new type, which then takes its name; a marker in the file
 * says it is done. The documents themselves are not touched.
 */
final class ReadModelStoreBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(ReadModelStoreBackend.class);

    private static final String INDEX_MAP = "._index_";
    private static final String FORMAT_MAP = "fulfillment.format";
    private static final String INDEX_KEYS = "index-keys";
    private static final int STRING_KEYS = 2;

    ReadModelStoreBackend(String fileName) {
        super(convertIndexes(MVStore.open(fileName)));
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

    private static MVStore convertIndexes(MVStore store) {
        MVMap<String, Integer> format = store.openMap(FORMAT_MAP);
        if (format.getOrDefault(INDEX_KEYS, 0) >= STRING_KEYS) {
            return store;
        }
        List<String> indexes = store.getMapNames().stream()
                .filter(name -> name.contains(INDEX_MAP))
                .toList();
        for (String name : indexes) {
            MVMap<KeyValue, Object> generic = store.openMap(name);
            MVMap<KeyValue, Object> keyed = openIndex(store, name + ".converting");
            keyed.clear();
            for (Map.Entry<KeyValue, Object> entry : generic.entrySet()) {
                keyed.put(entry.getKey(), entry.getValue());
            }
            store.removeMap(generic);
            store.renameMap(keyed, name);
        }
        format.put(INDEX_KEYS, STRING_KEYS);
        store.commit();
        if (!indexes.isEmpty()) {
            log.info("Read-model file converted to string-keyed indexes ({} index maps)", indexes.size());
        }
        return store;
    }

    private static MVMap<KeyValue, Object> openIndex(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }

    /** The stock database, except for how it opens a unique index. */
    private final class StringKeyedDatabase extends H2Database {

        StringKeyedDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // the stock backend's map name, so dropping an index or a database finds it
            String name = getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName;
            return new UniqueIndex(openIndex(getMvStore(), name), indexName, keys, sparse);
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
}
