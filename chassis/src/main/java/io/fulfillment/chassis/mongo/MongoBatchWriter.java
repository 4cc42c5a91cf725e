package io.fulfillment.chassis.mongo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Batches a projection's writes: inside an event processor's unit of work (one batch of events) the writes are queued
 * and sent as one ordered bulk request per collection when the batch commits, so a batch costs one round trip per
 * collection instead of one per event. Outside a unit of work a write goes out at once.
 *
 * <p>Only writes that need no read of their own effect belong here (upserts and guarded updates); the bulk keeps
 * their order, so a later write in the batch sees the earlier ones.
 */
public class MongoBatchWriter {

    private static final String PENDING = MongoBatchWriter.class.getName() + ".pending";

    private final MongoTemplate mongo;

    public MongoBatchWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void write(Class<?> documentType, Consumer<BulkOperations> operation) {
        if (!CurrentUnitOfWork.isStarted()) {
            flush(documentType, List.of(operation));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.<Map<Class<?>, List<Consumer<BulkOperations>>>>getOrComputeResource(PENDING, key -> {
                    Map<Class<?>, List<Consumer<BulkOperations>>> pending = new LinkedHashMap<>();
                    batch.onPrepareCommit(committing -> pending.forEach(this::flush));
                    return pending;
                })
                .computeIfAbsent(documentType, type -> new ArrayList<>())
                .add(operation);
    }

    private void flush(Class<?> documentType, List<Consumer<BulkOperations>> operations) {
        if (operations.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, documentType);
        operations.forEach(operation -> operation.accept(bulk));
        bulk.execute();
    }
}
