package io.fulfillment.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.chassis.embedded.RollbackSafeCachingSagaStore;
import io.fulfillment.chassis.mongo.ReadModelsFirstTransactionManager;
import io.fulfillment.chassis.testapp.ProbeMessages.PoisonEvent;
import io.fulfillment.chassis.testapp.ProbeMessages.RefuseCommand;
import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

@ChassisContextTest
class ChassisWiringIT {

    record Priced(OrderId orderId, Money price, Instant at, LocalDate due, List<OrderId> related) {}

    @Autowired
    Serializer serializer;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Autowired
    ObjectMapper springObjectMapper;

    @Autowired
    Configuration axonConfiguration;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everySerializerIsJacksonOnSpringsObjectMapper() {
        assertThat(List.of(serializer, eventSerializer, messageSerializer)).allSatisfy(candidate -> assertThat(
                        candidate)
                .isInstanceOfSatisfying(JacksonSerializer.class, jackson -> assertThat(jackson.getObjectMapper())
                        .isSameAs(springObjectMapper)));
    }

    @Test
    void recordsWithValueIdsAndTimeRoundTrip() {
        Priced original = new Priced(
                OrderId.of("order-1"),
                Money.of("12.50", "EUR"),
                Instant.parse("2025-01-02T03:04:05.123456Z"),
                LocalDate.of(2025, 2, 3),
                List.of(OrderId.of("order-2")));

        SerializedObject<byte[]> serialized = eventSerializer.serialize(original, byte[].class);
        Object copy = eventSerializer.deserialize(serialized);

        assertThat(copy).isEqualTo(original);
        assertThat(new String(serialized.getData()))
                .contains("\"orderId\":\"order-1\"")
                .contains("2025-01-02T03:04:05.123456Z");
    }

    @Test
    void axonStoresUseJdbcAndCommitWithTheDataSourceTransactionManager(
            @Autowired EventStorageEngine storageEngine,
            @Autowired TokenStore tokenStore,
            @Autowired SagaStore<?> sagaStore,
            @Autowired TransactionManager axonTransactionManager,
            @Autowired List<PlatformTransactionManager> platformTransactionManagers) {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(sagaStore).isInstanceOf(RollbackSafeCachingSagaStore.class);
        assertThat(axonTransactionManager).isInstanceOf(ReadModelsFirstTransactionManager.class);
        assertThat(platformTransactionManagers).singleElement().isInstanceOf(JdbcTransactionManager.class);
    }

    @Test
    void aSecondAggregateUnderAnExistingIdIsAConflictNotAStorageFailure(
            @Autowired EventStorageEngine storageEngine, @Autowired TransactionManager axonTransactionManager) {
        String aggregateId = "probe-" + UUID.randomUUID();
        axonTransactionManager.executeInTransaction(() -> storageEngine.appendEvents(firstEventOf(aggregateId)));

        assertThatThrownBy(() -> axonTransactionManager.executeInTransaction(
                        () -> storageEngine.appendEvents(firstEventOf(aggregateId))))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    private static DomainEventMessage<?> firstEventOf(String aggregateId) {
        return new GenericDomainEventMessage<>("Probe", aggregateId, 0, new PoisonEvent(aggregateId));
    }

    @Test
    void theSchemaHoldsAxonsAndDbSchedulersTablesWithBinaryValuesInTheRow() {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'PUBLIC'", String.class);
        List<String> largeObjectColumns = jdbc.queryForList(
                "select table_name || '.' || column_name from information_schema.columns where table_schema = 'PUBLIC'"
                        + " and data_type like '%LARGE OBJECT'",
                String.class);

        assertThat(tables)
                .containsExactlyInAnyOrder(
                        "DOMAINEVENTENTRY",
                        "SNAPSHOTEVENTENTRY",
                        "TOKENENTRY",
                        "SAGAENTRY",
                        "ASSOCIATIONVALUEENTRY",
                        "DEADLETTERENTRY",
                        "SCHEDULED_TASKS");
        assertThat(largeObjectColumns).isEmpty();
    }

    @Test
    void sagasGetTheDbSchedulerDeadlineManagerAndNothingOfJobRunr(
            @Autowired DeadlineManager deadlineManager, @Autowired ApplicationContext context) {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(axonConfiguration.deadlineManager()).isSameAs(deadlineManager);
        assertThat(context.getBeanNamesForType(JobScheduler.class)).isEmpty();
        assertThat(context.getBeanNamesForType(StorageProvider.class)).isEmpty();
    }

    @Test
    void aFailingEventOfAGroupWithDlqEnabledIsParkedInTheJdbcDeadLetterQueue(@Autowired EventGateway events) {
        events.publish(new PoisonEvent("poison-1"));

        assertThat(axonConfiguration.eventProcessingConfiguration().deadLetterQueue(DeadLetterProbe.GROUP))
                .get()
                .isInstanceOf(JdbcSequencedDeadLetterQueue.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from DeadLetterEntry where processingGroup = ?",
                        Integer.class,
                        DeadLetterProbe.GROUP))
                .isEqualTo(1);
    }

    @Test
    void correlationIdReplacesTheMessageOriginProvider() {
        List<CorrelationDataProvider> providers = axonConfiguration.correlationDataProviders();

        assertThat(providers).singleElement().isInstanceOf(SimpleCorrelationDataProvider.class);
        assertThat(providers
                        .get(0)
                        .correlationDataFor(GenericMessage.asMessage("x")
                                .andMetaData(Map.of("correlationId", "c-1", "other", "o"))))
                .isEqualTo(Map.of("correlationId", "c-1"));
    }

    @Test
    void refusalsCrossTheBusWithTheirDetails() {
        assertThatThrownBy(() -> commandGateway.sendAndWait(new RefuseCommand("order-closed")))
                .isInstanceOfSatisfying(CommandExecutionException.class, e -> assertThat(e.getDetails())
                        .contains(new ErrorDetails(
                                ErrorKind.CONFLICT, "order-closed", "probe refused with order-closed")));
    }
}
