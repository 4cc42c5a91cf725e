package io.fulfillment.orderquery.legacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.payment.ChargeReversalRequestedEvent;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentRefundedEvent;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.orderquery.testapp.EventLog;
import io.fulfillment.orderquery.testapp.OrderQueryContextTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Captures the stored shape of the events whose shape changes in ADR 0018, as today's code writes them: appends them
 * through the event store of the embedded mode (the configured Jackson event serializer, the JDBC storage engine) and
 * dumps their rows. Run once, on the commit before the change: {@code -Dcapture.legacy.events=<dir>}.
 */
@OrderQueryContextTest
@EnabledIfSystemProperty(named = "capture.legacy.events", matches = ".+")
class LegacyEventCapture {

    private static final ShippingAddress BERLIN =
            new ShippingAddress("Ada Lovelace", "1 Analytical Way", "10115", "Berlin", "DE");
    private static final ShippingAddress TOKYO = new ShippingAddress("Hokusai", "1 Sumida", "130-0001", "Tokyo", "JP");
    private static final ProductId KEYBOARD = ProductId.of("keyboard");
    private static final Money PRICE = Money.of("49.90", "EUR");

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void capture() throws Exception {
        EventLog log = new EventLog(eventStore, transactions);
        Path dir = Path.of(System.getProperty("capture.legacy.events"));
        Files.createDirectories(dir);

        OrderId failed = OrderId.of("legacy-payment-failed");
        PaymentId failedPayment = PaymentId.of("payment-" + failed);
        placed(log, failed, BERLIN);
        log.append("Product", KEYBOARD, new StockReservedEvent(KEYBOARD, failed, 2), corr(failed));
        log.append("Order", failed, new OrderStockReservedEvent(failed), corr(failed));
        log.append(
                "Payment",
                failedPayment,
                new PaymentRequestedEvent(failedPayment, failed, CustomerId.of("customer-ada"), PRICE.times(2)),
                corr(failed));
        String failure = "payment provider failed after 3 attempts: charge answered 503";
        log.append("Payment", failedPayment, new PaymentFailedEvent(failedPayment, failed, failure), corr(failed));
        log.append("Payment", failedPayment, new ChargeReversalRequestedEvent(failedPayment, failed), corr(failed));
        log.append("Order", failed, new OrderRejectedEvent(failed, "payment failed: " + failure), corr(failed));
        log.append("Product", KEYBOARD, new StockReleasedEvent(KEYBOARD, failed, 2), corr(failed));
        dump(dir.resolve("legacy-payment-failed.json"), failed);

        OrderId undeliverable = OrderId.of("legacy-shipment-rejected");
        PaymentId charged = PaymentId.of("payment-" + undeliverable);
        ShipmentId shipment = ShipmentId.of("shipment-" + undeliverable);
        String refusal = "country 'JP' is outside the delivery area";
        String rejection = "shipment rejected: " + refusal;
        placed(log, undeliverable, TOKYO);
        log.append("Product", KEYBOARD, new StockReservedEvent(KEYBOARD, undeliverable, 2), corr(undeliverable));
        log.append("Order", undeliverable, new OrderStockReservedEvent(undeliverable), corr(undeliverable));
        log.append(
                "Payment",
                charged,
                new PaymentRequestedEvent(charged, undeliverable, CustomerId.of("customer-ada"), PRICE.times(2)),
                corr(undeliverable));
        log.append(
                "Payment",
                charged,
                new PaymentChargedEvent(charged, undeliverable, PRICE.times(2), "psp-tx-legacy-1"),
                corr(undeliverable));
        log.append("Order", undeliverable, new OrderPaidEvent(undeliverable, charged), corr(undeliverable));
        log.append(
                "Shipment", shipment, new ShipmentRejectedEvent(shipment, undeliverable, refusal), corr(undeliverable));
        log.append("Order", undeliverable, new OrderRejectedEvent(undeliverable, rejection), corr(undeliverable));
        log.append(
                "Payment",
                charged,
                new RefundRequestedEvent(charged, undeliverable, PRICE.times(2), rejection),
                corr(undeliverable));
        log.append(
                "Payment",
                charged,
                new PaymentRefundedEvent(charged, undeliverable, PRICE.times(2), "psp-refund-legacy-1"),
                corr(undeliverable));
        log.append("Product", KEYBOARD, new StockReleasedEvent(KEYBOARD, undeliverable, 2), corr(undeliverable));
        dump(dir.resolve("legacy-shipment-rejected.json"), undeliverable);

        OrderId outOfStock = OrderId.of("legacy-out-of-stock");
        placed(log, outOfStock, BERLIN);
        log.append(
                "Product", KEYBOARD, new StockReservationRejectedEvent(KEYBOARD, outOfStock, 2, 1), corr(outOfStock));
        log.append(
                "Order",
                outOfStock,
                new OrderRejectedEvent(outOfStock, "out of stock: product keyboard (requested 2, available 1)"),
                corr(outOfStock));
        dump(dir.resolve("legacy-out-of-stock.json"), outOfStock);

        OrderId declined = OrderId.of("legacy-payment-declined");
        PaymentId declinedPayment = PaymentId.of("payment-" + declined);
        placed(log, declined, BERLIN);
        log.append("Product", KEYBOARD, new StockReservedEvent(KEYBOARD, declined, 2), corr(declined));
        log.append("Order", declined, new OrderStockReservedEvent(declined), corr(declined));
        log.append(
                "Payment",
                declinedPayment,
                new PaymentRequestedEvent(declinedPayment, declined, CustomerId.of("customer-ada"), PRICE.times(2)),
                corr(declined));
        log.append(
                "Payment",
                declinedPayment,
                new PaymentDeclinedEvent(declinedPayment, declined, "insufficient funds"),
                corr(declined));
        log.append(
                "Order",
                declined,
                new OrderRejectedEvent(declined, "payment declined: insufficient funds"),
                corr(declined));
        log.append("Product", KEYBOARD, new StockReleasedEvent(KEYBOARD, declined, 2), corr(declined));
        dump(dir.resolve("legacy-payment-declined.json"), declined);

        for (Map.Entry<String, String> timeout : Map.of(
                        "legacy-stock-timeout", "stock reservation timed out",
                        "legacy-payment-timeout", "payment timed out",
                        "legacy-shipment-timeout", "shipment scheduling timed out")
                .entrySet()) {
            OrderId order = OrderId.of(timeout.getKey());
            placed(log, order, BERLIN);
            log.append("Order", order, new OrderRejectedEvent(order, timeout.getValue()), corr(order));
            dump(dir.resolve(timeout.getKey() + ".json"), order);
        }
    }

    private static void placed(EventLog log, OrderId orderId, ShippingAddress address) {
        log.append(
                "Order",
                orderId,
                new OrderPlacedEvent(
                        orderId,
                        CustomerId.of("customer-ada"),
                        List.of(new OrderLine(KEYBOARD, 2, PRICE)),
                        address,
                        PRICE.times(2)),
                corr(orderId));
    }

    private static String corr(OrderId orderId) {
        return "corr-" + orderId;
    }

    /**
     * The rows of every event that names the order (payload text contains its id), in global order; payload and
     * meta-data exactly as stored (the JSON text of the Jackson serializer in the BLOB columns).
     */
    private void dump(Path file, OrderId orderId) throws Exception {
        ArrayNode rows = json.createArrayNode();
        jdbc.query(
                "select * from DomainEventEntry where payload like ? order by globalIndex",
                (java.sql.ResultSet row) -> {
                    ObjectNode entry = rows.addObject();
                    entry.put("eventIdentifier", row.getString("eventIdentifier"));
                    entry.put("type", row.getString("type"));
                    entry.put("aggregateIdentifier", row.getString("aggregateIdentifier"));
                    entry.put("sequenceNumber", row.getLong("sequenceNumber"));
                    entry.put("timeStamp", row.getString("timeStamp"));
                    entry.put("payloadType", row.getString("payloadType"));
                    entry.put("payloadRevision", row.getString("payloadRevision"));
                    entry.put("payload", new String(row.getBytes("payload"), StandardCharsets.UTF_8));
                    entry.put("metaData", new String(row.getBytes("metaData"), StandardCharsets.UTF_8));
                },
                "%\"" + orderId + "\"%");
        Files.writeString(
                file,
                json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows) + "\n",
                StandardCharsets.UTF_8);
    }
}
