package io.fulfillment.allinone;

import static io.fulfillment.allinone.FulfillmentApi.DELIVERABLE_ADDRESS;
import static io.fulfillment.allinone.FulfillmentApi.SETTLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.order.RejectionReason;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** A payment provider outage opens the circuit breaker; no order stays pending, and orders succeed after recovery. */
@AllInOneTest
class PaymentOutageIT {

    private static final int ORDERS_DURING_OUTAGE = 6;
    private static final int ORDERS_TO_CLOSE_BREAKER = 2;

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder restClient;

    private FulfillmentApi api;
    private ProductId product;

    @BeforeEach
    void setUp() {
        api = new FulfillmentApi(restClient, port);
        product = api.registerProduct("headset", "89.00", 100);
    }

    @AfterEach
    void resetPaymentProvider() {
        api.resetPspFaults();
    }

    private String breakerState() {
        return api.actuator("circuitbreakers").at("/circuitBreakers/psp/state").asText();
    }

    @Test
    void opensTheBreakerRejectsOrdersDuringTheOutageAndConfirmsAfterRecovery() {
        api.pspFaults(Map.of("outage", true));

        List<OrderId> duringOutage = IntStream.range(0, ORDERS_DURING_OUTAGE)
                .mapToObj(i -> api.placeOrder("customer-outage", Map.of(product, 1), DELIVERABLE_ADDRESS))
                .toList();

        duringOutage.forEach(orderId -> assertThat(
                        api.awaitStatus(orderId, OrderStatus.REJECTED).rejectionReason())
                .isEqualTo(new RejectionReason(
                        RejectionCode.PAYMENT_FAILED,
                        "The payment could not be made: the payment provider is unavailable.")));
        assertThat(breakerState()).isIn("OPEN", "HALF_OPEN");
        await().atMost(SETTLE)
                .untilAsserted(
                        () -> assertThat(api.product(product).available()).isEqualTo(100));

        api.resetPspFaults();
        await().atMost(SETTLE).until(() -> !breakerState().equals("OPEN"));
        List<OrderId> afterRecovery = IntStream.range(0, ORDERS_TO_CLOSE_BREAKER)
                .mapToObj(i -> api.placeOrder("customer-outage", Map.of(product, 1), DELIVERABLE_ADDRESS))
                .toList();

        afterRecovery.forEach(orderId -> api.awaitStatus(orderId, OrderStatus.CONFIRMED));
        await().atMost(SETTLE).untilAsserted(() -> assertThat(breakerState()).isEqualTo("CLOSED"));
    }
}
