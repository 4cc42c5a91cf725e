package io.fulfillment.allinone;

import static io.fulfillment.allinone.FulfillmentApi.DELIVERABLE_ADDRESS;
import static io.fulfillment.allinone.FulfillmentApi.SETTLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderSummary;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.order.RejectionReason;
import io.fulfillment.contracts.order.TimelineEntry;
import io.fulfillment.contracts.payment.PaymentStatus;
import io.fulfillment.contracts.shipping.ShipmentStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** The fulfillment flow over HTTP, from placing an order to its terminal state, on every path the saga knows. */
@AllInOneTest
class FulfillmentFlowIT {

    private static final String CUSTOMER = "customer-ada";

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder restClient;

    @Autowired
    SagaGate sagaGate;

    private FulfillmentApi api;
    private ProductId keyboard;
    private ProductId mouse;

    @BeforeEach
    void setUp() {
        api = new FulfillmentApi(restClient, port);
        keyboard = api.registerProduct("keyboard", "49.90", 10);
        mouse = api.registerProduct("mouse", "19.50", 1);
    }

    @AfterEach
    void resetPaymentProvider() {
        api.resetPspFaults();
        sagaGate.open();
    }

    private Map<ProductId, Integer> twoKeyboardsAndAMouse() {
        Map<ProductId, Integer> lines = new LinkedHashMap<>();
        lines.put(keyboard, 2);
        lines.put(mouse, 1);
        return lines;
    }

    private void awaitStock(ProductId productId, int available, int reserved) {
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(api.product(productId).available()).isEqualTo(available);
            assertThat(api.product(productId).reserved()).isEqualTo(reserved);
        });
    }

    @Test
    void confirmsAnOrderAndRecordsEveryStepInItsTimeline() {
        OrderId orderId = api.placeOrder(CUSTOMER, twoKeyboardsAndAMouse(), DELIVERABLE_ADDRESS);

        OrderSummary confirmed = api.awaitStatus(orderId, OrderStatus.CONFIRMED);

        assertThat(confirmed.total().amount()).isEqualByComparingTo("119.30");
        assertThat(api.payment(orderId).status()).isEqualTo(PaymentStatus.CHARGED);
        assertThat(api.shipment(orderId).status()).isEqualTo(ShipmentStatus.SCHEDULED);
        awaitStock(keyboard, 8, 2);
        await().atMost(SETTLE).untilAsserted(() -> assertThat(eventTypes(orderId))
                .containsSubsequence(
                        "OrderPlacedEvent",
                        "StockReservedEvent",
                        "StockReservedEvent",
                        "OrderStockReservedEvent",
                        "PaymentRequestedEvent",
                        "PaymentChargedEvent",
                        "OrderPaidEvent",
                        "ShipmentScheduledEvent",
                        "OrderShippingScheduledEvent",
                        "OrderConfirmedEvent"));
    }

    @Test
    void rejectsAnOrderWithALineOutOfStockAndReleasesTheOthers() {
        Map<ProductId, Integer> lines = new LinkedHashMap<>();
        lines.put(keyboard, 3);
        lines.put(mouse, 5);

        OrderId orderId = api.placeOrder(CUSTOMER, lines, DELIVERABLE_ADDRESS);

        OrderSummary rejected = api.awaitStatus(orderId, OrderStatus.REJECTED);
        assertThat(rejected.rejectionReason().code()).isEqualTo(RejectionCode.OUT_OF_STOCK);
        awaitStock(keyboard, 10, 0);
        awaitStock(mouse, 1, 0);
    }

    @Test
    void rejectsAnOrderThePaymentProviderDeclinesAndReleasesItsStock() {
        api.pspFaults(Map.of("declineRate", 1.0));

        OrderId orderId = api.placeOrder(CUSTOMER, twoKeyboardsAndAMouse(), DELIVERABLE_ADDRESS);

        OrderSummary rejected = api.awaitStatus(orderId, OrderStatus.REJECTED);
        assertThat(rejected.rejectionReason().code()).isEqualTo(RejectionCode.PAYMENT_DECLINED);
        assertThat(api.payment(orderId).status()).isEqualTo(PaymentStatus.DECLINED);
        awaitStock(keyboard, 10, 0);
        awaitStock(mouse, 1, 0);
    }

    @Test
    void rejectsAnOrderWhoseAddressCannotBeServedAndRefundsIt() {
        OrderId orderId =
                api.placeOrder(CUSTOMER, twoKeyboardsAndAMouse(), FulfillmentApi.address("Penguin Research", "AQ"));

        OrderSummary rejected = api.awaitStatus(orderId, OrderStatus.REJECTED);
        assertThat(rejected.rejectionReason().code()).isEqualTo(RejectionCode.ADDRESS_NOT_DELIVERABLE);
        await().atMost(SETTLE)
                .untilAsserted(() -> assertThat(api.payment(orderId).status()).isEqualTo(PaymentStatus.REFUNDED));
        awaitStock(keyboard, 10, 0);
    }

    @Test
    void refundsAndReleasesStockWhenThePaidOrderIsCancelled() {
        sagaGate.close();
        OrderId orderId = api.placeOrder(
                CUSTOMER, twoKeyboardsAndAMouse(), FulfillmentApi.address(SagaGate.HELD_RECIPIENT, "GB"));
        api.awaitStatus(orderId, OrderStatus.PAID);

        assertThat(api.cancel(orderId).getStatusCode().value()).isEqualTo(202);
        sagaGate.open();

        OrderSummary cancelled = api.awaitStatus(orderId, OrderStatus.CANCELLED);
        assertThat(cancelled.rejectionReason())
                .isEqualTo(new RejectionReason(RejectionCode.CANCELLED, "changed my mind"));
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(api.payment(orderId).status()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(api.shipment(orderId).status()).isEqualTo(ShipmentStatus.CANCELLED);
        });
        awaitStock(keyboard, 10, 0);
        awaitStock(mouse, 1, 0);
    }

    @Test
    void refusesToCancelAConfirmedOrder() {
        OrderId orderId = api.placeOrder(CUSTOMER, twoKeyboardsAndAMouse(), DELIVERABLE_ADDRESS);
        api.awaitStatus(orderId, OrderStatus.CONFIRMED);

        var response = api.cancel(orderId);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("code").asText()).isEqualTo("order.not-cancellable");
    }

    private List<String> eventTypes(OrderId orderId) {
        return api.timeline(orderId).entries().stream()
                .map(TimelineEntry::eventType)
                .toList();
    }
}
