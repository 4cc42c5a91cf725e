package io.fulfillment.orderquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderShippingScheduledEvent;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.order.OrderSummary;
import io.fulfillment.contracts.order.OrderSummaryPage;
import io.fulfillment.contracts.order.OrderTimeline;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.order.RejectionReason;
import io.fulfillment.contracts.order.TimelineEntry;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import io.fulfillment.orderquery.testapp.EventLog;
import io.fulfillment.orderquery.testapp.OrderQueryContextTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@OrderQueryContextTest
class OrderQueryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "1 Analytical Way", "10115", "Berlin", "DE");
    private static final Money KEYBOARD_PRICE = Money.of("49.90", "EUR");
    private static final Money MOUSE_PRICE = Money.of("19.90", "EUR");
    private static final List<String> FULFILLED_ORDER_EVENTS = List.of(
            "OrderPlacedEvent",
            "StockReservedEvent",
            "StockReservedEvent",
            "OrderStockReservedEvent",
            "PaymentRequestedEvent",
            "PaymentChargedEvent",
            "OrderPaidEvent",
            "ShipmentScheduledEvent",
            "OrderShippingScheduledEvent",
            "OrderConfirmedEvent");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ObjectMapper json;

    private EventLog events;

    @BeforeEach
    void setUp() {
        events = new EventLog(eventStore, transactions);
    }

    @Test
    void summaryFollowsTheOrderFromPlacedToConfirmed() {
        OrderStory order = new OrderStory(CustomerId.newId());

        order.placed();
        awaitStatus(order, OrderStatus.PLACED);
        order.stockReserved();
        awaitStatus(order, OrderStatus.STOCK_RESERVED);
        order.paid();
        awaitStatus(order, OrderStatus.PAID);
        order.shippingScheduled();
        awaitStatus(order, OrderStatus.SHIPPING_SCHEDULED);
        order.confirmed();
        OrderSummary confirmed = awaitStatus(order, OrderStatus.CONFIRMED);

        assertThat(confirmed.customerId()).isEqualTo(order.customerId);
        assertThat(confirmed.total()).isEqualTo(Money.of("119.70", "EUR"));
        assertThat(confirmed.lines()).extracting(OrderLine::quantity).containsExactly(2, 1);
        assertThat(confirmed.shippingAddress()).isEqualTo(ADDRESS);
        assertThat(confirmed.rejectionReason()).isNull();
        assertThat(confirmed.updatedAt()).isAfterOrEqualTo(confirmed.placedAt());
    }

    @Test
    void summaryOfARejectedOrderCarriesTheReason() {
        OrderStory order = new OrderStory(CustomerId.newId());
        order.placed();
        order.stockReserved();
        order.paymentDeclined("insufficient funds");

        OrderSummary rejected = awaitStatus(order, OrderStatus.REJECTED);

        assertThat(rejected.rejectionReason())
                .isEqualTo(new RejectionReason(RejectionCode.PAYMENT_DECLINED, "The payment was declined."));
    }

    @Test
    void timelineListsEveryEventOfTheOrderInOrderWithItsCorrelationId() {
        OrderStory order = new OrderStory(CustomerId.newId());
        order.fulfilled();

        OrderTimeline timeline = await().atMost(PATIENCE)
                .until(() -> timeline(order), t -> t != null && t.entries().size() == FULFILLED_ORDER_EVENTS.size());

        assertThat(timeline.orderId()).isEqualTo(order.orderId);
        assertThat(timeline.entries())
                .extracting(TimelineEntry::eventType)
                .containsExactlyElementsOf(FULFILLED_ORDER_EVENTS);
        assertThat(timeline.entries())
                .extracting(TimelineEntry::context)
                .containsExactly(
                        "order",
                        "inventory",
                        "inventory",
                        "order",
                        "payment",
                        "payment",
                        "order",
                        "shipping",
                        "order",
                        "order");
        assertThat(timeline.entries()).extracting(TimelineEntry::correlationId).containsOnly(order.correlationId);
        assertThat(timeline.entries())
                .extracting(TimelineEntry::description)
                .contains("Reserved 2 × " + order.keyboard, "Order confirmed");
        assertThat(timeline.entries()).extracting(TimelineEntry::occurredAt).isSortedAccordingTo(Comparable::compareTo);
    }

    @Test
    void listsACustomersOrdersNewestFirstFilteredByStatusAndPaged() {
        CustomerId customer = CustomerId.newId();
        OrderStory first = new OrderStory(customer);
        OrderStory second = new OrderStory(customer);
        OrderStory third = new OrderStory(customer);
        OrderStory someoneElses = new OrderStory(CustomerId.newId());
        first.fulfilled();
        second.placed();
        third.placed();
        someoneElses.placed();
        awaitStatus(first, OrderStatus.CONFIRMED);
        awaitStatus(third, OrderStatus.PLACED);
        awaitStatus(someoneElses, OrderStatus.PLACED);

        OrderSummaryPage all = page("/orders?customerId=" + customer);
        OrderSummaryPage placed = page("/orders?customerId=" + customer + "&status=PLACED");
        OrderSummaryPage secondPageOfOne = page("/orders?customerId=" + customer + "&status=PLACED&page=1&size=1");

        assertThat(all.totalItems()).isEqualTo(3);
        assertThat(all.items())
                .extracting(OrderSummary::orderId)
                .containsExactly(third.orderId, second.orderId, first.orderId);
        assertThat(placed.totalItems()).isEqualTo(2);
        assertThat(placed.items()).extracting(OrderSummary::status).containsOnly(OrderStatus.PLACED);
        assertThat(secondPageOfOne.items()).extracting(OrderSummary::orderId).containsExactly(second.orderId);
        assertThat(secondPageOfOne.totalItems()).isEqualTo(2);
        assertThat(secondPageOfOne.page()).isEqualTo(1);
        assertThat(secondPageOfOne.size()).isEqualTo(1);
    }

    @Test
    void timelineHandsAllEventsOfAnOrderToOneSegmentWhicheverAggregatePublishedThem() {
        OrderId orderId = OrderId.newId();
        PaymentId paymentId = PaymentId.newId();
        List<EventMessage<?>> events = List.of(
                new GenericDomainEventMessage<>("Order", orderId.toString(), 0, new OrderConfirmedEvent(orderId)),
                new GenericDomainEventMessage<>(
                        "Product", "keyboard", 5, new StockReservedEvent(ProductId.of("keyboard"), orderId, 1)),
                new GenericDomainEventMessage<>(
                        "Payment",
                        paymentId.toString(),
                        1,
                        new PaymentChargedEvent(paymentId, orderId, KEYBOARD_PRICE, "psp-1")));

        SequencingPolicy<? super EventMessage<?>> timeline = processing.sequencingPolicy("order-timeline");

        assertThat(events).extracting(timeline::getSequenceIdentifierFor).containsOnly(orderId.toString());
    }

    @Test
    void refusesPagesItCannotServeWithAProblem() {
        for (String badQuery : List.of("size=101", "size=0", "page=-1", "status=LOST", "page=first")) {
            ResponseEntity<String> response = http.getForEntity("/orders?" + badQuery, String.class);

            assertThat(response.getStatusCode()).as(badQuery).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType())
                    .as(badQuery)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void answersUnknownOrdersWithNotFound() {
        String unknown = "/orders/" + OrderId.newId();
        for (String path : List.of(unknown, unknown + "/timeline", unknown + "/stream")) {
            ResponseEntity<String> response = http.getForEntity(path, String.class);

            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).as(path).contains("order.not-found");
        }
    }

    @Test
    void answersAnEventStreamClientAskingForAnUnknownOrderWithAProblem() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/orders/" + OrderId.newId() + "/stream"))
                .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void streamSendsEveryStatusChangeAndEndsWhenTheOrderIsConfirmed() throws Exception {
        OrderStory order = new OrderStory(CustomerId.newId());
        order.placed();
        awaitStatus(order, OrderStatus.PLACED);
        List<OrderSummary> received = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> stream = openStream(order, received);
        await().atMost(PATIENCE).until(() -> !received.isEmpty());
        order.stockReserved();
        order.paid();
        order.shippingScheduled();
        order.confirmed();
        stream.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        List<OrderStatus> statuses = new ArrayList<>();
        received.stream()
                .map(OrderSummary::status)
                .filter(status -> statuses.isEmpty() || statuses.get(statuses.size() - 1) != status)
                .forEach(statuses::add);
        assertThat(statuses)
                .containsExactly(
                        OrderStatus.PLACED,
                        OrderStatus.STOCK_RESERVED,
                        OrderStatus.PAID,
                        OrderStatus.SHIPPING_SCHEDULED,
                        OrderStatus.CONFIRMED);
    }

    @Test
    void streamOfAFinishedOrderSendsItsSummaryAndEnds() throws Exception {
        OrderStory order = new OrderStory(CustomerId.newId());
        order.fulfilled();
        awaitStatus(order, OrderStatus.CONFIRMED);
        List<OrderSummary> received = new CopyOnWriteArrayList<>();

        openStream(order, received).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(received).extracting(OrderSummary::status).containsExactly(OrderStatus.CONFIRMED);
    }

    @Test
    void replayRebuildsReadModelsEqualToTheOnesBefore() {
        OrderStory confirmed = new OrderStory(CustomerId.newId());
        OrderStory rejected = new OrderStory(CustomerId.newId());
        confirmed.fulfilled();
        rejected.placed();
        rejected.stockReserved();
        rejected.paymentDeclined("card expired");
        awaitStatus(confirmed, OrderStatus.CONFIRMED);
        awaitStatus(rejected, OrderStatus.REJECTED);
        await().atMost(PATIENCE)
                .until(
                        () -> timeline(confirmed),
                        t -> t != null && t.entries().size() == FULFILLED_ORDER_EVENTS.size());
        OrderTimeline confirmedTimelineBefore = timeline(confirmed);
        List<Document> summariesBefore = documents("order_summaries", confirmed, rejected);
        List<Document> timelinesBefore = documents("order_timelines", confirmed, rejected);

        replay("order-summary");
        replay("order-timeline");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(documents("order_summaries", confirmed, rejected)).isEqualTo(summariesBefore);
            assertThat(documents("order_timelines", confirmed, rejected)).isEqualTo(timelinesBefore);
        });
        assertThat(timeline(confirmed)).isEqualTo(confirmedTimelineBefore);
        assertThat(summary(rejected).rejectionReason().code()).isEqualTo(RejectionCode.PAYMENT_DECLINED);
    }

    private void replay(String processorName) {
        PooledStreamingEventProcessor processor = processing
                .eventProcessor(processorName, PooledStreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(mongo.count(new Query(), collectionOf(processorName)))
                .as("read model of %s cleared by its reset handler", processorName)
                .isZero();
        processor.start();
    }

    private static String collectionOf(String processorName) {
        return processorName.equals("order-summary") ? "order_summaries" : "order_timelines";
    }

    /**
     * The stored documents of the orders, by id. Events of one order are handled by several segments at once, so a
     * timeline stores its entries in arrival order; they are compared in event-store order, the order it is served in.
     */
    private List<Document> documents(String collection, OrderStory... orders) {
        List<String> ids =
                Stream.of(orders).map(order -> order.orderId.toString()).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection).stream()
                .peek(document -> {
                    List<Document> entries = document.getList("entries", Document.class);
                    if (entries != null) {
                        document.put(
                                "entries",
                                entries.stream()
                                        .sorted(Comparator.comparing(entry -> entry.getLong("position")))
                                        .toList());
                    }
                })
                .sorted(Comparator.comparing(document -> document.getString("_id")))
                .toList();
    }

    private OrderSummary awaitStatus(OrderStory order, OrderStatus status) {
        return await().atMost(PATIENCE)
                .until(() -> summary(order), summary -> summary != null && summary.status() == status);
    }

    /** The order's summary, or {@code null} while it is not projected yet. */
    private OrderSummary summary(OrderStory order) {
        return getIfFound("/orders/" + order.orderId, OrderSummary.class);
    }

    /** The order's timeline, or {@code null} while it is not projected yet. */
    private OrderTimeline timeline(OrderStory order) {
        return getIfFound("/orders/" + order.orderId + "/timeline", OrderTimeline.class);
    }

    private <T> T getIfFound(String path, Class<T> type) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        if (response.getStatusCode() == HttpStatus.NOT_FOUND) {
            return null;
        }
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        try {
            return json.readValue(response.getBody(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OrderSummaryPage page(String path) {
        ResponseEntity<OrderSummaryPage> response = http.getForEntity(path, OrderSummaryPage.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Reads the raw event stream; the future completes when the server ends the stream. */
    private CompletableFuture<Void> openStream(OrderStory order, List<OrderSummary> received) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/orders/" + order.orderId + "/stream"))
                .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
                .build();
        return HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    try (Stream<String> lines = response.body()) {
                        lines.filter(line -> line.startsWith("data:"))
                                .map(line -> line.substring("data:".length()))
                                .map(this::readSummary)
                                .forEach(received::add);
                    }
                });
    }

    private OrderSummary readSummary(String data) {
        try {
            return json.readValue(data, OrderSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One order's events as the order, inventory, payment and shipping aggregates record them. */
    private final class OrderStory {

        final OrderId orderId = OrderId.newId();
        final CustomerId customerId;
        final String correlationId = "corr-" + UUID.randomUUID();
        final ProductId keyboard = ProductId.of("keyboard-" + orderId);
        final ProductId mouse = ProductId.of("mouse-" + orderId);
        final PaymentId paymentId = PaymentId.of("payment-" + orderId);
        final ShipmentId shipmentId = ShipmentId.of("shipment-" + orderId);
        final Money total = KEYBOARD_PRICE.times(2).plus(MOUSE_PRICE);

        OrderStory(CustomerId customerId) {
            this.customerId = customerId;
        }

        void fulfilled() {
            placed();
            stockReserved();
            paid();
            shippingScheduled();
            confirmed();
        }

        void placed() {
            List<OrderLine> lines =
                    List.of(new OrderLine(keyboard, 2, KEYBOARD_PRICE), new OrderLine(mouse, 1, MOUSE_PRICE));
            order(new OrderPlacedEvent(orderId, customerId, lines, ADDRESS, total));
        }

        void stockReserved() {
            events.append("Product", keyboard, new StockReservedEvent(keyboard, orderId, 2), correlationId);
            events.append("Product", mouse, new StockReservedEvent(mouse, orderId, 1), correlationId);
            order(new OrderStockReservedEvent(orderId));
        }

        void paid() {
            payment(new PaymentRequestedEvent(paymentId, orderId, customerId, total));
            payment(new PaymentChargedEvent(paymentId, orderId, total, "tx-" + orderId));
            order(new OrderPaidEvent(orderId, paymentId));
        }

        void paymentDeclined(String reason) {
            payment(new PaymentRequestedEvent(paymentId, orderId, customerId, total));
            payment(new PaymentDeclinedEvent(paymentId, orderId, reason));
            order(new OrderRejectedEvent(orderId, RejectionCode.PAYMENT_DECLINED));
        }

        void shippingScheduled() {
            List<ShipmentItem> items = List.of(new ShipmentItem(keyboard, 2), new ShipmentItem(mouse, 1));
            events.append(
                    "Shipment",
                    shipmentId,
                    new ShipmentScheduledEvent(shipmentId, orderId, ADDRESS, items),
                    correlationId);
            order(new OrderShippingScheduledEvent(orderId, shipmentId));
        }

        void confirmed() {
            order(new OrderConfirmedEvent(orderId));
        }

        private void order(Object event) {
            events.append("Order", orderId, event, correlationId);
        }

        private void payment(Object event) {
            events.append("Payment", paymentId, event, correlationId);
        }
    }
}
