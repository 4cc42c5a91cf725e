package io.fulfillment.orderquery.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.orderquery.testapp.OrderHistory;
import io.fulfillment.orderquery.testapp.OrderQueryContextTest;
import io.fulfillment.orderquery.testapp.OrderSummaryFault;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A poison event in the order summaries: the order it belongs to waits in the dead-letter queue with its later events,
 * every other order goes on, and after the fix a retry through the admin API completes it; an eviction drops it.
 */
@OrderQueryContextTest
class DeadLetteredSummaryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String GROUP = "order-summary";

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    OrderSummaryFault fault;

    @Test
    void aPoisonedOrderWaitsInTheDeadLetterQueueWhileOthersGoOnAndARetryAfterTheFixCompletesIt() {
        OrderId poisoned = OrderId.newId();
        OrderId healthy = OrderId.newId();
        fault.failOnPaymentOf(poisoned);

        publish(OrderHistory.fulfilled(poisoned, CustomerId.newId()));
        publish(OrderHistory.fulfilled(healthy, CustomerId.newId()));

        await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(statusOf(healthy)));
        await().atMost(PATIENCE).until(() -> letterTypesOf(poisoned).size() == 2);
        assertThat(letterTypesOf(poisoned)).containsExactly("OrderPaidEvent", "OrderConfirmedEvent");
        assertThat(statusOf(poisoned)).isNotEqualTo("CONFIRMED");

        fault.fix(poisoned);
        ResponseEntity<JsonNode> retried =
                http.postForEntity("/admin/dead-letters/" + GROUP + "/retry", null, JsonNode.class);

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().get("processed").asBoolean()).isTrue();
        assertThat(statusOf(poisoned)).isEqualTo("CONFIRMED");
        assertThat(letterTypesOf(poisoned)).isEmpty();
    }

    @Test
    void anEvictedEventIsDroppedAndTheOrdersNextEventsApplyAgain() {
        OrderId poisoned = OrderId.newId();
        fault.failOnPaymentOf(poisoned);
        List<EventMessage<?>> history = OrderHistory.fulfilled(poisoned, CustomerId.newId());
        publish(history.subList(0, 3));
        await().atMost(PATIENCE).until(() -> letterTypesOf(poisoned).size() == 1);
        String payment = history.get(2).getIdentifier();
        fault.fix(poisoned);

        ResponseEntity<Void> evicted =
                http.exchange("/admin/dead-letters/" + GROUP + "/" + payment, HttpMethod.DELETE, null, Void.class);

        assertThat(evicted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(letterTypesOf(poisoned)).isEmpty();
        assertThat(statusOf(poisoned)).isEqualTo("STOCK_RESERVED");
        publish(history.subList(3, 4));
        await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(statusOf(poisoned)));
    }

    private void publish(List<EventMessage<?>> events) {
        transactions.executeInTransaction(() -> eventStore.publish(events));
    }

    private String statusOf(OrderId orderId) {
        ResponseEntity<JsonNode> summary = http.getForEntity("/orders/" + orderId, JsonNode.class);
        return summary.getStatusCode().is2xxSuccessful()
                ? summary.getBody().get("status").asText()
                : null;
    }

    /** The payload types of the order's dead letters in the group, in the order they wait. */
    private List<String> letterTypesOf(OrderId orderId) {
        JsonNode groups =
                http.getForEntity("/admin/dead-letters", JsonNode.class).getBody();
        return StreamSupport.stream(groups.spliterator(), false)
                .filter(group -> GROUP.equals(group.get("processingGroup").asText()))
                .flatMap(group -> StreamSupport.stream(group.get("letters").spliterator(), false))
                .filter(letter -> orderId.toString()
                        .equals(letter.get("sequenceIdentifier").asText()))
                .map(letter -> letter.get("payloadType").asText())
                .toList();
    }
}
