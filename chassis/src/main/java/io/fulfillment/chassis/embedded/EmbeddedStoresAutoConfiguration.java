package io.fulfillment.chassis.embedded;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The embedded mode's H2 database ({@code spring.datasource}, a file under {@code fulfillment.data-dir}): Axon's
 * {@link JdbcAutoConfiguration} keeps events, tokens, sagas and dead letters in it through JDBC, and db-scheduler's
 * Spring Boot starter keeps the saga deadlines in it, on a transaction-aware view of the same DataSource, so a deadline
 * commits or rolls back with the unit of work that scheduled or cancelled it. Neither creates tables; this creates them.
 * It also tells Axon's event store which H2 failures are unique-key violations ({@link UniqueKeyViolations}), and puts
 * the saga store behind rollback-safe caches ({@link RollbackSafeCachingSagaStore}).
 */
@AutoConfiguration(
        after = DataSourceAutoConfiguration.class,
        before = {JdbcAutoConfiguration.class, AxonDbSchedulerAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@Conditional(OnEmbeddedMode.class)
public class EmbeddedStoresAutoConfiguration {

    @Bean
    EmbeddedStoreSchema embeddedStoreSchema(
            DataSource dataSource, @Value("${fulfillment.data-dir:./data}") String dataDir) {
        return new EmbeddedStoreSchema(dataSource, Path.of(dataDir).toAbsolutePath());
    }

    /** Axon's JDBC event store as its auto-configuration builds it, with an index-friendly query for open gaps. */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            @Value("${fulfillment.event-store.batch-size:500}") int batchSize) {
        return JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .readEventDataWithGaps(new IndexedGapsStatement())
                .build();
    }

    /**
     * Axon's JDBC saga store as its auto-configuration builds it (same connection provider, serializer and schema),
     * behind caches of sagas and association lookups of {@code fulfillment.saga-cache.max-entries} entries each; 0 leaves
     * the JDBC store without caches. Axon's own saga store bean backs off for this one.
     */
    @Bean
    SagaStore<Object> sagaStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            ObjectProvider<SagaSqlSchema> sagaSqlSchema,
            @Value("${fulfillment.saga-cache.max-entries:10000}") long cachedEntries) {
        JdbcSagaStore jdbcSagaStore = JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(sagaSqlSchema.getIfAvailable(GenericSagaSqlSchema::new))
                .serializer(serializer)
                .build();
        return cachedEntries > 0 ? new RollbackSafeCachingSagaStore(jdbcSagaStore, cachedEntries) : jdbcSagaStore;
    }

    /** Axon's db-scheduler deadline manager as its auto-configuration builds it, tolerant of cancelling a firing one. */
    @Bean
    DeadlineManager deadlineManager(
            Scheduler scheduler,
            org.axonframework.config.Configuration configuration,
            Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        return new FiringDeadlineTolerantManager(
                DbSchedulerDeadlineManager.builder()
                        .scheduler(scheduler)
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                        .serializer(serializer)
                        .transactionManager(transactionManager)
                        .spanFactory(spanFactory)
                        .startScheduler(false)
                        .stopScheduler(false),
                scheduler);
    }

    @Bean
    PersistenceExceptionResolver uniqueKeyViolations() {
        return new UniqueKeyViolations();
    }
}
