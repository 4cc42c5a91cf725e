package io.fulfillment.chassis.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which generation of its collections each rebuildable read model serves: the durable pointer of a blue/green rebuild.
 * A read model starts in generation 1, whose collections carry their plain names; a rebuild fills generation 2
 * ({@code order_summaries_g2}) beside it while queries keep reading generation 1, and the switch is one write of the
 * pointer here ({@code readModelGenerations}, one document per read model in the read model's own database).
 *
 * <p>Queries and the live projection ask for their collection on every call; the answer comes from memory. This process
 * learns of its own switches at once; another instance of the service reads the pointer again when its remembered value
 * is older than {@code refresh} (the distributed mode), which is why a rebuild drops the old generation only after a
 * grace period longer than that.
 */
public class ReadModelGenerations {

    static final String COLLECTION = "readModelGenerations";
    private static final String GENERATION = "generation";

    private final MongoTemplate mongo;
    private final long refreshNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public ReadModelGenerations(MongoTemplate mongo, Duration refresh) {
        this(mongo, refresh, System::nanoTime);
    }

    ReadModelGenerations(MongoTemplate mongo, Duration refresh, LongSupplier nanoTime) {
        this.mongo = mongo;
        this.refreshNanos = refresh.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The generation the read model's queries and live projection use now. */
    public Generation current(String readModel) {
        long now = nanoTime.getAsLong();
        return remembered
                .compute(
                        readModel,
                        (name, known) -> known != null && now - known.readAt() < refreshNanos
                                ? known
                                : new Remembered(stored(name), now))
                .generation();
    }

    /** The collection in which the read model's current generation keeps documents of this type. */
    public String collectionOf(String readModel, Class<?> documentType) {
        return current(readModel).collection(mongo.getCollectionName(documentType));
    }

    /**
     * Makes {@code next} the generation the read model serves: one write of its pointer, atomic for every reader of
     * this store, and at once for this process.
     */
    public void switchTo(Generation next) {
        mongo.upsert(query(where("_id").is(next.readModel())), Update.update(GENERATION, next.number()), COLLECTION);
        remembered.put(next.readModel(), new Remembered(next, nanoTime.getAsLong()));
    }

    private Generation stored(String readModel) {
        Document pointer = mongo.findById(readModel, Document.class, COLLECTION);
        return new Generation(readModel, pointer == null ? 1 : pointer.getInteger(GENERATION, 1));
    }

    private record Remembered(Generation generation, long readAt) {}

    /**
     * One generation of a read model's collections: generation 1 uses the collections' own names, every later one
     * appends {@code _g<number>}.
     */
    public record Generation(String readModel, int number) {

        public Generation {
            if (number < 1) {
                throw new IllegalArgumentException("generations count from 1, not " + number);
            }
        }

        /** The generation a rebuild fills beside this one. */
        public Generation next() {
            return new Generation(readModel, number + 1);
        }

        /** This generation's name of a collection. */
        public String collection(String baseCollection) {
            return number == 1 ? baseCollection : baseCollection + "_g" + number;
        }
    }
}
