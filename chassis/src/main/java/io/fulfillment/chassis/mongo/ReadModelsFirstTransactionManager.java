package io.fulfillment.chassis.mongo;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Commits the embedded read-model store before the database transaction it wraps, so whatever a unit of work wrote to
 * the read models is in their file before the event processor's token that covers it commits.
 */
public class ReadModelsFirstTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final Runnable commitReadModels;

    public ReadModelsFirstTransactionManager(TransactionManager delegate, Runnable commitReadModels) {
        this.delegate = delegate;
        this.commitReadModels = commitReadModels;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        return new Transaction() {
            @Override
            public void commit() {
                commitReadModels.run();
                transaction.commit();
            }

            @Override
            public void rollback() {
                transaction.rollback();
            }
        };
    }
}
