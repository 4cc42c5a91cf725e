package io.fulfillment.chassis.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.Saga;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The cache over Axon's JDBC saga store on an in-memory H2 database, driven the way Axon's saga repository drives it:
 * each test step is a unit of work with a transaction, as a saga processor's batch or a deadline is.
 */
class RollbackSafeCachingSagaStoreTest {

    private static final String SAGA_ID = "shipment-saga-1";
    private static final AssociationValue ORDER = new AssociationValue("orderId", "order-1");
    private static final AssociationValue PAYMENT = new AssociationValue("paymentId", "payment-1");
    private static final String STORED_STAGE = "scheduled";
    private static final String CHANGED_STAGE = "shipped";

    /** A saga with one piece of state, stored as JSON like the real ones. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
    static class ShipmentSaga {
        String stage;
    }

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private TransactionManager transactions;
    private CountingSagaStore jdbc;
    private RollbackSafeCachingSagaStore store;
    private AnnotatedSagaRepository<ShipmentSaga> repository;

    @BeforeEach
    void storeOneSaga() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new EmbeddedStoreSchema(dataSource, Path.of("target")).initializeDatabase();
        transactions = new SpringTransactionManager(new JdbcTransactionManager(dataSource));
        jdbc = new CountingSagaStore(JdbcSagaStore.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .sqlSchema(new GenericSagaSqlSchema())
                .serializer(JacksonSerializer.defaultSerializer())
                .build());
        store = new RollbackSafeCachingSagaStore(jdbc, 100);
        repository = AnnotatedSagaRepository.<ShipmentSaga>builder()
                .sagaType(ShipmentSaga.class)
                .sagaStore(store)
                .build();

        ShipmentSaga saga = new ShipmentSaga();
        saga.stage = STORED_STAGE;
        transactions.executeInTransaction(
                () -> jdbc.delegate.insertSaga(ShipmentSaga.class, SAGA_ID, saga, Set.of(ORDER)));
    }

    @AfterEach
    void closeCaches() {
        store.close();
    }

    @Test
    void aSagaAndItsLookupAreReadFromTheStoreOnceForLaterUnitsOfWork() {
        assertThat(committed(() -> stageOf(repository.load(SAGA_ID)))).isEqualTo(STORED_STAGE);
        assertThat(committed(() -> repository.find(ORDER))).containsExactly(SAGA_ID);

        assertThat(committed(() -> stageOf(repository.load(SAGA_ID)))).isEqualTo(STORED_STAGE);
        assertThat(committed(() -> repository.find(ORDER))).containsExactly(SAGA_ID);

        assertThat(jdbc.loads).isEqualTo(1);
        assertThat(jdbc.finds).isEqualTo(1);
    }

    @Test
    void aCommittedChangeIsSeenByTheNextUnitOfWorkWithoutReadingTheStore() {
        committed(() -> repository.load(SAGA_ID)); // cached from here on

        committed(() -> {
            Saga<ShipmentSaga> saga = repository.load(SAGA_ID);
            saga.execute(shipment -> shipment.stage = CHANGED_STAGE);
            saga.getAssociationValues().add(PAYMENT);
            return saga;
        });

        assertThat(committed(() -> stageOf(repository.load(SAGA_ID)))).isEqualTo(CHANGED_STAGE);
        assertThat(jdbc.loads).isEqualTo(1);
        assertThat(committed(() -> repository.find(PAYMENT))).containsExactly(SAGA_ID);
        assertThat(storedStage()).isEqualTo(CHANGED_STAGE);
    }

    @Test
    void aSagaChangedByAUnitOfWorkThatRollsBackIsReadAsStored() {
        committed(() -> repository.load(SAGA_ID)); // cached from here on

        UnitOfWork<?> unitOfWork = startUnitOfWork();
        repository.load(SAGA_ID).execute(shipment -> shipment.stage = CHANGED_STAGE);
        unitOfWork.rollback(new IllegalStateException("a saga handler failed"));

        assertThat(committed(() -> stageOf(repository.load(SAGA_ID)))).isEqualTo(STORED_STAGE);
    }

    @Test
    void aSagaWrittenByAUnitOfWorkWhoseCommitFailsIsReadAsStored() {
        committed(() -> repository.load(SAGA_ID)); // cached from here on

        int updatesBefore = jdbc.updates;
        UnitOfWork<?> unitOfWork = startUnitOfWork();
        repository.load(SAGA_ID).execute(shipment -> shipment.stage = CHANGED_STAGE);
        failCommitAfterTheSagaIsWritten(unitOfWork);

        assertThat(jdbc.updates)
                .as("the saga was written before the commit failed")
                .isEqualTo(updatesBefore + 1);
        assertThat(committed(() -> stageOf(repository.load(SAGA_ID)))).isEqualTo(STORED_STAGE);
        assertThat(storedStage()).isEqualTo(STORED_STAGE);
    }

    @Test
    void associationsChangedByAUnitOfWorkWhoseCommitFailsAreNotSeenAfterwards() {
        assertThat(committed(() -> repository.find(ORDER))).containsExactly(SAGA_ID); // cached from here on
        assertThat(committed(() -> repository.find(PAYMENT))).isEmpty(); // cached from here on

        UnitOfWork<?> unitOfWork = startUnitOfWork();
        Saga<ShipmentSaga> saga = repository.load(SAGA_ID);
        saga.getAssociationValues().add(PAYMENT);
        saga.getAssociationValues().remove(ORDER);
        failCommitAfterTheSagaIsWritten(unitOfWork);

        assertThat(committed(() -> repository.find(ORDER))).containsExactly(SAGA_ID);
        assertThat(committed(() -> repository.find(PAYMENT))).isEmpty();
        assertThat(committed(
                        () -> repository.load(SAGA_ID).getAssociationValues().asSet()))
                .containsExactly(ORDER);
    }

    @Test
    void aSagaChangedInANestedUnitOfWorkIsReadAsStoredWhenItsParentRollsBack() {
        committed(() -> repository.load(SAGA_ID)); // cached from here on

        UnitOfWork<?> parent = startUnitOfWork();
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(new GenericMessage<>("nested"));
        repository.load(SAGA_ID).execute(shipment -> shipment.stage = CHANGED_STAGE);
        nested.commit();
        parent.rollback(new IllegalStateException("the parent failed"));

        assertThat(committed(() -> stageOf(repository.load(SAGA_ID)))).isEqualTo(STORED_STAGE);
    }

    @Test
    void aLookupThatAnUncommittedUnitOfWorkChangedIsReadFromTheStoreUntilItCommits() {
        assertThat(committed(() -> repository.find(PAYMENT))).isEmpty(); // cached from here on

        UnitOfWork<?> unitOfWork = startUnitOfWork();
        repository.load(SAGA_ID).getAssociationValues().add(PAYMENT);
        // the store itself: the repository's find also reports the sagas other units of work hold in memory
        AtomicReference<Set<String>> seenByAnotherThread = new AtomicReference<>();
        unitOfWork.onPrepareCommit(written -> seenByAnotherThread.set(
                CompletableFuture.supplyAsync(() -> committed(() -> store.findSagas(ShipmentSaga.class, PAYMENT)))
                        .join()));
        unitOfWork.commit();

        assertThat(seenByAnotherThread.get()).isEmpty();
        assertThat(jdbc.finds)
                .as("the other thread read the store, not the cache")
                .isEqualTo(2);
        assertThat(committed(() -> repository.find(PAYMENT))).containsExactly(SAGA_ID);
    }

    @Test
    void nothingIsCachedOutsideAUnitOfWork() {
        store.loadSaga(ShipmentSaga.class, SAGA_ID);
        store.loadSaga(ShipmentSaga.class, SAGA_ID);
        store.findSagas(ShipmentSaga.class, ORDER);
        store.findSagas(ShipmentSaga.class, ORDER);

        assertThat(jdbc.loads).isEqualTo(2);
        assertThat(jdbc.finds).isEqualTo(2);
    }

    @Test
    void theEmbeddedModeCachesUnlessTheEntriesAreZero() {
        ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
        ObjectProvider<SagaSqlSchema> noSchema = new StaticListableBeanFactory().getBeanProvider(SagaSqlSchema.class);
        EmbeddedStoresAutoConfiguration configuration = new EmbeddedStoresAutoConfiguration();

        SagaStore<Object> cached =
                configuration.sagaStore(connections, JacksonSerializer.defaultSerializer(), noSchema, 10_000);
        SagaStore<Object> uncached =
                configuration.sagaStore(connections, JacksonSerializer.defaultSerializer(), noSchema, 0);

        assertThat(cached).isInstanceOf(RollbackSafeCachingSagaStore.class);
        assertThat(uncached).isInstanceOf(JdbcSagaStore.class);
        ((RollbackSafeCachingSagaStore) cached).close();
    }

    private UnitOfWork<?> startUnitOfWork() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("event"));
        unitOfWork.attachTransaction(transactions);
        return unitOfWork;
    }

    private <R> R committed(Supplier<R> work) {
        UnitOfWork<?> unitOfWork = startUnitOfWork();
        R result = work.get();
        unitOfWork.commit();
        return result;
    }

    /** Fails the commit once the saga repository has written the saga (its handler was registered first). */
    private static void failCommitAfterTheSagaIsWritten(UnitOfWork<?> unitOfWork) {
        unitOfWork.onPrepareCommit(written -> {
            throw new IllegalStateException("the commit failed");
        });
        assertThatThrownBy(unitOfWork::commit).hasMessage("the commit failed");
    }

    private static String stageOf(Saga<ShipmentSaga> saga) {
        return saga.invoke(shipment -> shipment.stage);
    }

    private String storedStage() {
        return jdbc.delegate.<ShipmentSaga>loadSaga(ShipmentSaga.class, SAGA_ID).saga().stage;
    }

    /** The JDBC store, counting what reaches it. */
    private static final class CountingSagaStore implements SagaStore<Object> {

        private final SagaStore<Object> delegate;
        private int loads;
        private int finds;
        private int updates;

        CountingSagaStore(SagaStore<Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
            finds++;
            return delegate.findSagas(sagaType, associationValue);
        }

        @Override
        public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
            loads++;
            return delegate.loadSaga(sagaType, sagaIdentifier);
        }

        @Override
        public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
            delegate.deleteSaga(sagaType, sagaIdentifier, associationValues);
        }

        @Override
        public void insertSaga(
                Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
            delegate.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
        }

        @Override
        public void updateSaga(
                Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
            updates++;
            delegate.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
        }
    }
}
