package io.fulfillment.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fulfillment.chassis.testapp.ProbeMessages.ShipmentWantedEvent;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Sagas are never replayed: neither a reset through the admin API nor a lost token makes a saga act on history again. */
@ChassisContextTest
class SagaReplayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    EventGateway events;

    @Autowired
    ShipmentLog shipments;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactions;

    @Autowired
    MockMvc mvc;

    @Autowired
    EventStore eventStore;

    @Test
    void aSagaProcessorThatLostItsTokenStartsAtTheHeadAndDoesNotShipAgain() {
        // a batching window is a configuration of the saga processor's own (test application.yml), as any would be
        String before = shipmentId();
        events.publish(new ShipmentWantedEvent(before));
        await().atMost(PATIENCE).until(() -> shipments.timesShipped(before) == 1);

        StreamingEventProcessor saga = processing
                .eventProcessor(ShippingProbeSaga.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        saga.shutDown();
        TokenStore tokens = processing.tokenStore(ShippingProbeSaga.PROCESSOR);
        transactions.executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(ShippingProbeSaga.PROCESSOR)) {
                tokens.fetchToken(ShippingProbeSaga.PROCESSOR, segment);
                tokens.deleteToken(ShippingProbeSaga.PROCESSOR, segment);
            }
        });
        assertThat(transactions.fetchInTransaction(() -> tokens.fetchSegments(ShippingProbeSaga.PROCESSOR)))
                .isEmpty();
        long head = eventStore.createHeadToken().position().orElseThrow();
        saga.start();

        // at the head, not replaying history (Axon's own default would read the whole store flagged as a replay)
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(saga.processingStatus().values())
                        .singleElement()
                        .satisfies(segment -> {
                            assertThat(segment.isReplaying()).isFalse();
                            assertThat(segment.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head);
                        }));

        String after = shipmentId();
        events.publish(new ShipmentWantedEvent(after));

        // events reach the saga in order: had it started from the tail, it would have shipped `before` again first
        await().atMost(PATIENCE).until(() -> shipments.timesShipped(after) == 1);
        assertThat(shipments.timesShipped(before)).isEqualTo(1);
    }

    @Test
    void theAdminApiRefusesToReplayASagaAndNothingIsShippedAgain() throws Exception {
        String shipped = shipmentId();
        events.publish(new ShipmentWantedEvent(shipped));
        await().atMost(PATIENCE).until(() -> shipments.timesShipped(shipped) == 1);

        mvc.perform(post("/admin/processors/{name}/replay", ShippingProbeSaga.PROCESSOR))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("admin.replay-not-supported"));

        String next = shipmentId();
        events.publish(new ShipmentWantedEvent(next));
        await().atMost(PATIENCE).until(() -> shipments.timesShipped(next) == 1);
        assertThat(shipments.timesShipped(shipped)).isEqualTo(1);
    }

    private static String shipmentId() {
        return "shipment-" + UUID.randomUUID();
    }
}
