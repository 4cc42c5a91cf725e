package io.fulfillment.chassis.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The secondary indexes of one read model, declared where its queries are: on its document class, with Spring Data's
 * {@code @Indexed} / {@code @CompoundIndex}, resolved by {@link MongoPersistentEntityIndexResolver}. As a bean it
 * creates them on the document's own collection at start-up (before any event processor or query handler runs);
 * {@link #ensureOn(String)} creates them on any other collection of the same read model (a rebuilt copy, say), since
 * the definitions do not name a collection. Creating an index that exists is a no-op, so every start and every
 * instance of a service may do it.
 *
 * <p>Spring Data's own {@code auto-index-creation} stays off: it creates indexes only on the document's default
 * collection and only when the mapping context first meets the class, which may be a query in flight.
 */
public final class ReadModelIndexes implements SmartInitializingSingleton {

    private final MongoOperations mongo;
    private final Class<?> documentClass;
    private final Supplier<String> serving;

    /** Indexes of a read model that is always stored in its document class's own collection. */
    public ReadModelIndexes(MongoOperations mongo, Class<?> documentClass) {
        this(mongo, documentClass, () -> mongo.getCollectionName(documentClass));
    }

    /**
     * Indexes of a read model whose serving collection can change: a read model rebuilt blue/green serves from the
     * collection of its current generation ({@code ReadModelGenerations.collectionOf}), which is where start-up
     * creates them.
     */
    public ReadModelIndexes(MongoOperations mongo, Class<?> documentClass, Supplier<String> serving) {
        this.mongo = mongo;
        this.documentClass = documentClass;
        this.serving = serving;
    }

    /** The indexes the document class declares, independent of any collection. */
    public List<IndexDefinition> definitions() {
        MongoMappingContext mappingContext =
                (MongoMappingContext) mongo.getConverter().getMappingContext();
        List<IndexDefinition> definitions = new ArrayList<>();
        new MongoPersistentEntityIndexResolver(mappingContext)
                .resolveIndexFor(documentClass)
                .forEach(definitions::add);
        return definitions;
    }

    /** Creates the declared indexes on {@code collection} (a no-op for those that exist). */
    public void ensureOn(String collection) {
        definitions().forEach(index -> mongo.indexOps(collection).createIndex(index));
    }

    /** The collection the read model serves from. */
    public String collection() {
        return serving.get();
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureOn(collection());
    }
}
