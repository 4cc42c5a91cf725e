package io.fulfillment.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.chassis.mongo.ReadModelsFirstTransactionManager;
import io.fulfillment.chassis.testapp.ProbeMessages.RefuseCommand;
import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
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
    void axonStoresLiveInJpaAndCommitWithTheJpaTransactionManager(
            @Autowired EventStorageEngine storageEngine,
            @Autowired TokenStore tokenStore,
            @Autowired SagaStore<?> sagaStore,
            @Autowired TransactionManager axonTransactionManager,
            @Autowired List<PlatformTransactionManager> platformTransactionManagers) {
        assertThat(storageEngine).isInstanceOf(JpaEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JpaTokenStore.class);
        assertThat(sagaStore).isInstanceOf(JpaSagaStore.class);
        assertThat(axonTransactionManager).isInstanceOf(ReadModelsFirstTransactionManager.class);
        assertThat(platformTransactionManagers).singleElement().isInstanceOf(JpaTransactionManager.class);
    }

    @Test
    void axonAndJobRunrTablesAreCreated() {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'PUBLIC'", String.class);

        assertThat(tables)
                .contains(
                        "DOMAIN_EVENT_ENTRY",
                        "SNAPSHOT_EVENT_ENTRY",
                        "TOKEN_ENTRY",
                        "SAGA_ENTRY",
                        "ASSOCIATION_VALUE_ENTRY",
                        "DEAD_LETTER_ENTRY",
                        "JOBRUNR_JOBS");
    }

    @Test
    void sagasGetTheJobRunrDeadlineManager(@Autowired DeadlineManager deadlineManager) {
        assertThat(deadlineManager).isInstanceOf(JobRunrDeadlineManager.class);
        assertThat(axonConfiguration.deadlineManager()).isSameAs(deadlineManager);
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
