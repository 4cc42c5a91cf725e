package io.fulfillment.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The properties every reliability scenario ends with, checked against the system's own APIs. */
final class Invariants {

    private static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");
    private static final Set<String> PAID = Set.of("CHARGED", "REFUNDED");
    private static final Set<String> SETTLED_PAYMENT = Set.of("CHARGED", "DECLINED", "FAILED", "CANCELLED", "REFUNDED");

    private Invariants() {}

    /** Waits until every order is in a terminal state; returns each order's summary. */
    static Map<String, JsonNode> awaitTerminal(SystemApi api, Collection<String> orderIds, Duration atMost) {
        Map<String, JsonNode> summaries = new HashMap<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String orderId : orderIds) {
                if (!summaries.containsKey(orderId)) {
                    JsonNode summary = api.order(orderId);
                    if (summary != null
                            && TERMINAL.contains(summary.get("status").asText())) {
                        summaries.put(orderId, summary);
                    }
                }
            }
            assertThat(orderIds).as("orders in a terminal state").allMatch(summaries::containsKey);
        });
        return summaries;
    }

    /** For every product: available + reserved + shipped equals what came in, and no level is negative. */
    static void assertStockAddsUp(SystemApi api, Map<String, Integer> stockReceived) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> stockReceived.forEach((productId, received) -> {
                    JsonNode product = api.product(productId);
                    int available = product.get("available").asInt();
                    int reserved = product.get("reserved").asInt();
                    int shipped = product.get("shipped").asInt();
                    assertThat(available).as("available of %s", productId).isNotNegative();
                    assertThat(reserved).as("reserved of %s", productId).isNotNegative();
                    assertThat(available + reserved + shipped)
                            .as(
                                    "available %d + reserved %d + shipped %d of %s",
                                    available, reserved, shipped, productId)
                            .isEqualTo(received);
                }));
    }

    /**
     * @param orphanCharges approved charges of payments the system recorded as failed: the provider took the money but
     *     every answer was lost or came too late (possible only under injected faults; nothing reconciles them yet)
     */
    record LedgerCount(int paidPayments, int refundedPayments, int approvedCharges, int refunds, int orphanCharges) {}

    /**
     * The provider moved money exactly once per paid payment and refunded exactly once per refunded payment. Approved
     * charges of unpaid payments are counted, not asserted: see {@link LedgerCount#orphanCharges()}.
     */
    static LedgerCount assertLedgerMatchesPayments(
            SystemApi api, Collection<String> orderIds, Supplier<JsonNode> ledger) {
        LedgerCount[] count = new LedgerCount[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, String> statusByPayment = new HashMap<>();
            for (String orderId : orderIds) {
                JsonNode payment = api.payment(orderId);
                if (payment != null) {
                    String status = payment.get("status").asText();
                    assertThat(SETTLED_PAYMENT)
                            .as("payment of order %s settled", orderId)
                            .contains(status);
                    statusByPayment.put(payment.get("paymentId").asText(), status);
                }
            }
            JsonNode book = ledger.get();
            Map<String, Integer> approvedCharges = new HashMap<>();
            book.get("charges").forEach(charge -> {
                if (charge.get("outcome").asText().equals("APPROVED")) {
                    approvedCharges.merge(charge.get("idempotencyKey").asText(), 1, Integer::sum);
                }
            });
            Map<String, Integer> refunds = new HashMap<>();
            book.get("refunds")
                    .forEach(
                            refund -> refunds.merge(refund.get("idempotencyKey").asText(), 1, Integer::sum));
            int paid = 0;
            int refunded = 0;
            int orphans = 0;
            for (Map.Entry<String, String> payment : statusByPayment.entrySet()) {
                String paymentId = payment.getKey();
                boolean isPaid = PAID.contains(payment.getValue());
                boolean isRefunded = payment.getValue().equals("REFUNDED");
                paid += isPaid ? 1 : 0;
                refunded += isRefunded ? 1 : 0;
                int charges = approvedCharges.getOrDefault("charge-" + paymentId, 0);
                if (isPaid) {
                    assertThat(charges)
                            .as("approved charges of payment %s (%s)", paymentId, payment.getValue())
                            .isEqualTo(1);
                } else {
                    orphans += charges;
                }
                assertThat(refunds.getOrDefault("refund-" + paymentId, 0))
                        .as("refunds of payment %s (%s)", paymentId, payment.getValue())
                        .isEqualTo(isRefunded ? 1 : 0);
            }
            count[0] = new LedgerCount(
                    paid,
                    refunded,
                    approvedCharges.values().stream()
                            .mapToInt(Integer::intValue)
                            .sum(),
                    refunds.values().stream().mapToInt(Integer::intValue).sum(),
                    orphans);
        });
        return count[0];
    }
}
