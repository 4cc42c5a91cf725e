package io.fulfillment.chassis.mongo;

import java.util.function.BooleanSupplier;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Commits the embedded read-model store before the database transaction it wraps, so whatever a unit of work wrote to
 * the read models is in their file before the event processor's token that covers it commits. A transaction whose
 * thread wrote nothing to the read models since the last such commit (a command, a saga step, a query, a projection
 * batch that changed no document) commits without touching the store.
 */
public class ReadModelsFirstTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final BooleanSupplier readModelsWritten;
    private final Runnable commitReadModels;

    /**
     * @param readModelsWritten whether the calling thread wrote to the read models since it last asked (asking resets
     *     it)
     */
    public ReadModelsFirstTransactionManager(
            TransactionManager delegate, BooleanSupplier readModelsWritten, Runnable commitReadModels) {
        this.delegate = delegate;
        this.readModelsWritten = readModelsWritten;
        this.commitReadModels = commitReadModels;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        return new Transaction() {
            @Override
            public void commit() {
                if (readModelsWritten.getAsBoolean()) {
                    commitReadModels.run();
                }
                transaction.commit();
            }

            @Override
            public void rollback() {
                transaction.rollback();
            }
        };
    }
}
