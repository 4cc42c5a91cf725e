package io.fulfillment.orderquery.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderSummary;
import io.fulfillment.contracts.order.OrderTimeline;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentFailure;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.shipping.DeliveryRefusal;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.orderquery.testapp.EventLog;
import io.fulfillment.orderquery.testapp.OrderQueryContextTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events stored before ADR 0018 (the fixtures in {@code legacy-events/}, rows of the embedded event store as the old
 * code wrote them) are read through the real upcaster chain and serializer, by the projections' processors and by an
 * aggregate's event stream, and make the same read models as the same stories told in today's events.
 *
 * <p>Each story is stored twice: its legacy rows as they are, under the {@code legacy-…} ids, and its current-shape
 * equivalent, appended through the event store under the {@code current-…} ids.
 */
@OrderQueryContextTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyEventsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String LEGACY = "legacy-";
    private static final String CURRENT = "current-";
    private static final Map<String, RejectionCode> STORIES = Map.of(
            "payment-failed", RejectionCode.PAYMENT_FAILED,
            "shipment-rejected", RejectionCode.ADDRESS_NOT_DELIVERABLE,
            "out-of-stock", RejectionCode.OUT_OF_STOCK,
            "payment-declined", RejectionCode.PAYMENT_DECLINED,
            "stock-timeout", RejectionCode.STOCK_RESERVATION_TIMED_OUT,
            "payment-timeout", RejectionCode.PAYMENT_TIMED_OUT,
            "shipment-timeout", RejectionCode.SHIPMENT_SCHEDULING_TIMED_OUT);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestRestTemplate http;

    private final Map<String, List<JsonNode>> rows = new HashMap<>();

    @BeforeAll
    void storeEveryStoryTwice() throws IOException {
        EventLog log = new EventLog(eventStore, transactions);
        for (String story : STORIES.keySet()) {
            List<JsonNode> stored = fixture(story);
            rows.put(story, stored);
            stored.forEach(this::insertAsStored);
            for (JsonNode row : stored) {
                log.append(
                        row.get("type").asText(),
                        currentAggregateOf(row),
                        currentEquivalentOf(row, STORIES.get(story)),
                        json.readTree(row.get("metaData").asText())
                                .get(CorrelationId.METADATA_KEY)
                                .asText()
                                .replace(LEGACY, CURRENT));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "payment-failed",
        "shipment-rejected",
        "out-of-stock",
        "payment-declined",
        "stock-timeout",
        "payment-timeout",
        "shipment-timeout"
    })
    void aLegacyStoryProjectsAsTheSameStoryInTodaysEvents(String story) {
        OrderSummary legacy = awaitRejected(LEGACY + story);
        OrderSummary current = awaitRejected(CURRENT + story);

        assertThat(legacy.rejectionReason().code()).isEqualTo(STORIES.get(story));
        assertThat(legacy.rejectionReason()).isEqualTo(current.rejectionReason());
        assertThat(withoutIdsAndTimes(legacy)).isEqualTo(withoutIdsAndTimes(current));

        int events = rows.get(story).size();
        assertThat(entries(awaitTimeline(LEGACY + story, events), LEGACY))
                .isEqualTo(entries(awaitTimeline(CURRENT + story, events), CURRENT));
    }

    @Test
    void servesTheLegacyRejectionReasonAsCodeAndMessage() {
        awaitRejected(LEGACY + "payment-failed");

        JsonNode summary = http.getForObject("/orders/" + LEGACY + "payment-failed", JsonNode.class);

        assertThat(summary.get("rejectionReason").get("code").asText()).isEqualTo("PAYMENT_FAILED");
        assertThat(summary.get("rejectionReason").get("message").asText())
                .isEqualTo("The payment could not be made: the payment provider is unavailable.")
                .doesNotContain("503");
    }

    @Test
    void anAggregateReadsItsLegacyEventsInTheirCurrentShape() {
        List<Object> order = payloads(LEGACY + "shipment-rejected");
        List<Object> payment = payloads("payment-" + LEGACY + "shipment-rejected");
        List<Object> shipment = payloads("shipment-" + LEGACY + "shipment-rejected");

        OrderId orderId = OrderId.of(LEGACY + "shipment-rejected");
        assertThat(order).last().isEqualTo(new OrderRejectedEvent(orderId, RejectionCode.ADDRESS_NOT_DELIVERABLE));
        assertThat(shipment)
                .containsExactly(new ShipmentRejectedEvent(
                        ShipmentId.of("shipment-" + orderId), orderId, DeliveryRefusal.COUNTRY_NOT_SERVED));
        assertThat(payment)
                .filteredOn(RefundRequestedEvent.class::isInstance)
                .containsExactly(new RefundRequestedEvent(
                        PaymentId.of("payment-" + orderId),
                        orderId,
                        Money.of("99.80", "EUR"),
                        null, // not recorded by revision 1: the refund looks it up in the payment's history
                        "shipment rejected: country 'JP' is outside the delivery area"));
    }

    private List<Object> payloads(String aggregateId) {
        return eventStore
                .readEvents(aggregateId)
                .asStream()
                .<Object>map(EventMessage::getPayload)
                .toList();
    }

    private List<JsonNode> fixture(String story) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/legacy-events/" + LEGACY + story + ".json")) {
            List<JsonNode> stored = new ArrayList<>();
            json.readTree(in).forEach(stored::add);
            return stored;
        }
    }

    /** Writes the row exactly as the old code's event store wrote it. */
    private void insertAsStored(JsonNode row) {
        jdbc.update(
                "insert into DomainEventEntry (eventIdentifier, type, aggregateIdentifier, sequenceNumber, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("eventIdentifier").asText(),
                row.get("type").asText(),
                row.get("aggregateIdentifier").asText(),
                row.get("sequenceNumber").asLong(),
                row.get("timeStamp").asText(),
                row.get("payloadType").asText(),
                row.get("payloadRevision").isNull()
                        ? null
                        : row.get("payloadRevision").asText(),
                row.get("payload").asText().getBytes(StandardCharsets.UTF_8),
                row.get("metaData").asText().getBytes(StandardCharsets.UTF_8));
    }

    /** Products are shared by the legacy stories; the current stories' product events go to streams of their own. */
    private static String currentAggregateOf(JsonNode row) {
        String aggregateId = row.get("aggregateIdentifier").asText();
        return aggregateId.contains(LEGACY)
                ? aggregateId.replace(LEGACY, CURRENT)
                : aggregateId + "@" + row.get("eventIdentifier").asText();
    }

    /**
     * The event today's code records for the legacy row's fact: the changed types built as they are now, every other
     * type (whose shape did not change) read from the row with the story's ids.
     */
    private Object currentEquivalentOf(JsonNode row, RejectionCode code) throws IOException {
        String type = row.get("payloadType").asText();
        JsonNode payload = json.readTree(row.get("payload").asText().replace(LEGACY, CURRENT));
        OrderId orderId = OrderId.of(payload.get("orderId").asText());
        if (type.equals(OrderRejectedEvent.class.getName())) {
            return new OrderRejectedEvent(orderId, code);
        }
        if (type.equals(PaymentFailedEvent.class.getName())) {
            return new PaymentFailedEvent(
                    PaymentId.of(payload.get("paymentId").asText()), orderId, PaymentFailure.PROVIDER_UNAVAILABLE);
        }
        if (type.equals(ShipmentRejectedEvent.class.getName())) {
            return new ShipmentRejectedEvent(
                    ShipmentId.of(payload.get("shipmentId").asText()), orderId, DeliveryRefusal.COUNTRY_NOT_SERVED);
        }
        if (type.equals(RefundRequestedEvent.class.getName())) {
            return new RefundRequestedEvent(
                    PaymentId.of(payload.get("paymentId").asText()),
                    orderId,
                    json.treeToValue(payload.get("amount"), Money.class),
                    "psp-tx-legacy-1",
                    payload.get("reason").asText());
        }
        try {
            return json.treeToValue(payload, Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private OrderSummary awaitRejected(String orderId) {
        return await().atMost(PATIENCE)
                .until(
                        () -> http.getForEntity("/orders/" + orderId, OrderSummary.class)
                                .getBody(),
                        summary -> summary != null && summary.status() == OrderStatus.REJECTED);
    }

    private OrderTimeline awaitTimeline(String orderId, int events) {
        return await().atMost(PATIENCE)
                .until(
                        () -> http.getForEntity("/orders/" + orderId + "/timeline", OrderTimeline.class)
                                .getBody(),
                        timeline -> timeline != null
                                && timeline.entries() != null
                                && timeline.entries().size() == events);
    }

    private static OrderSummary withoutIdsAndTimes(OrderSummary summary) {
        return new OrderSummary(
                null,
                summary.customerId(),
                summary.status(),
                summary.lines(),
                summary.total(),
                summary.shippingAddress(),
                summary.rejectionReason(),
                null,
                null);
    }

    /** What a reader sees of each entry, with the story's ids taken out: context, type and description. */
    private static List<List<String>> entries(OrderTimeline timeline, String idPrefix) {
        return timeline.entries().stream()
                .map(entry -> List.of(
                        entry.context(),
                        entry.eventType(),
                        entry.description().replace(idPrefix, "<story>"),
                        entry.correlationId().replace(idPrefix, "<story>")))
                .toList();
    }
}
