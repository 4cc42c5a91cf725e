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
import io.fulfillment.contracts.payment.PaymentStatus;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Stops the process with an order waiting for its payment and starts a new one on the same data directory: the
 * orders, the stock and the saga's payment deadline all survive, and the deadline settles the order after the restart.
 */
class RestartIT {

    private static final String PAYMENT_PROCESSOR = "payment-psp";

    private final String dataDir = "./target/it-data/restart-" + UUID.randomUUID();

    /**
     * The payment processor is a subscribing one here: stopped in the first run so the payment stays unanswered, and
     * in the second run it only sees new events, so only the durable deadline can settle the order.
     */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FulfillmentApplication.class)
                .run(
                        "--server.port=0",
                        "--fulfillment.data-dir=" + dataDir,
                        "--fulfillment.inventory.demo-catalogue.enabled=false",
                        "--fulfillment.saga.payment-timeout=3s",
                        "--axon.eventhandling.processors." + PAYMENT_PROCESSOR + ".mode=subscribing");
    }

    private static FulfillmentApi api(ConfigurableApplicationContext context) {
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        return new FulfillmentApi(context.getBean(RestClient.Builder.class), port);
    }

    @Test
    void keepsOrdersStockAndPendingDeadlinesAcrossARestart() {
        ProductId ordered;
        ProductId untouched;
        OrderId orderId;
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(PAYMENT_PROCESSOR)
                    .orElseThrow()
                    .shutDown();
            FulfillmentApi api = api(first);
            ordered = api.registerProduct("chair", "120.00", 10);
            untouched = api.registerProduct("desk", "340.00", 7);

            orderId = api.placeOrder("customer-restart", Map.of(ordered, 2), DELIVERABLE_ADDRESS);

            await().atMost(SETTLE).until(() -> api.get("/payments?orderId=" + orderId)
                    .getStatusCode()
                    .is2xxSuccessful());
            assertThat(api.payment(orderId).status()).isEqualTo(PaymentStatus.REQUESTED);
            assertThat(api.order(orderId).status()).isEqualTo(OrderStatus.STOCK_RESERVED);
        }

        try (ConfigurableApplicationContext second = start()) {
            FulfillmentApi api = api(second);

            assertThat(api.product(untouched).available()).isEqualTo(7);
            OrderSummary settled = api.awaitStatus(orderId, OrderStatus.REJECTED);

            assertThat(settled.rejectionReason().code()).isEqualTo(RejectionCode.PAYMENT_TIMED_OUT);
            await().atMost(SETTLE).untilAsserted(() -> {
                assertThat(api.product(ordered).available()).isEqualTo(10);
                assertThat(api.payment(orderId).status()).isEqualTo(PaymentStatus.CANCELLED);
            });
        }
    }
}
