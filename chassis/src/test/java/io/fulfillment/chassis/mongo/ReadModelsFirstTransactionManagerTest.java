package io.fulfillment.chassis.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.Test;

class ReadModelsFirstTransactionManagerTest {

    private final List<String> steps = new ArrayList<>();
    private boolean readModelsWritten;
    private final ReadModelsFirstTransactionManager manager = new ReadModelsFirstTransactionManager(
            this::recordingTransaction, () -> readModelsWritten, () -> steps.add("read models written"));

    private Transaction recordingTransaction() {
        steps.add("transaction started");
        return new Transaction() {
            @Override
            public void commit() {
                steps.add("transaction committed");
            }

            @Override
            public void rollback() {
                steps.add("transaction rolled back");
            }
        };
    }

    @Test
    void writesReadModelsBeforeTheTransactionCommitsWhenItWroteThem() {
        readModelsWritten = true;

        manager.startTransaction().commit();

        assertThat(steps).containsExactly("transaction started", "read models written", "transaction committed");
    }

    @Test
    void leavesTheReadModelStoreAloneWhenTheTransactionWroteNoReadModel() {
        manager.startTransaction().commit();

        assertThat(steps).containsExactly("transaction started", "transaction committed");
    }

    @Test
    void leavesReadModelsAloneOnRollback() {
        readModelsWritten = true;

        manager.startTransaction().rollback();

        assertThat(steps).containsExactly("transaction started", "transaction rolled back");
    }
}
