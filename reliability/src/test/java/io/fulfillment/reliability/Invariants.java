package io.fulfillment.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The properties every reliability scenario ends with, checked against the system's own APIs. */
final class Invariants {

    private static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");
    private static final Set<String> PAID = Set.of("CHARGED", "REFUNDED");
    /** Payment states of an order that ended without being fulfilled ("none": no payment was ever requested). */
    private static final Set<String> NO_MONEY_HELD = Set.of("none", "DECLINED", "FAILED", "CANCELLED", "REFUNDED");
    /** Shipment states of an order that ended without being fulfilled ("none": no shipment was ever requested). */
    private static final Set<String> NO_LIVE_SHIPMENT = Set.of("none", "CANCELLED", "REJECTED");

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
     * @param paidPayments payments recorded CHARGED or REFUNDED
     * @param refundedPayments payments recorded REFUNDED
     * @param approvedCharges approved charges of the checked payments at the provider
     * @param refunds refunds of those charges at the provider
     * @param unpaidChargesGivenBack approved charges of payments recorded FAILED, DECLINED or CANCELLED (the provider
     *     took the money but its answers were lost or late), each given back by a reversal
     */
    record LedgerCount(
            int paidPayments, int refundedPayments, int approvedCharges, int refunds, int unpaidChargesGivenBack) {}

    /**
     * The provider's ledger agrees with every payment: a CHARGED payment holds exactly one approved charge and no
     * refund, a REFUNDED one exactly one charge and one refund of it, and a payment that ended FAILED, DECLINED or
     * CANCELLED holds no money (approved charges minus their refunds is zero). Refunds are matched to charges by
     * transaction, whichever call made them (a refund, or the reversal of a failed payment's charge).
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
            Map<String, List<String>> approvedTransactionsByKey = new HashMap<>();
            book.get("charges").forEach(charge -> {
                if (charge.get("outcome").asText().equals("APPROVED")) {
                    approvedTransactionsByKey
                            .computeIfAbsent(charge.get("idempotencyKey").asText(), key -> new ArrayList<>())
                            .add(charge.get("transactionId").asText());
                }
            });
            Map<String, Integer> refundsByTransaction = new HashMap<>();
            book.get("refunds")
                    .forEach(refund -> refundsByTransaction.merge(
                            refund.get("transactionId").asText(), 1, Integer::sum));
            int paid = 0;
            int refunded = 0;
            int approved = 0;
            int refundsMade = 0;
            int givenBack = 0;
            for (Map.Entry<String, String> payment : statusByPayment.entrySet()) {
                String paymentId = payment.getKey();
                String status = payment.getValue();
                List<String> transactions = approvedTransactionsByKey.getOrDefault("charge-" + paymentId, List.of());
                int charges = transactions.size();
                int refundsOfCharges = transactions.stream()
                        .mapToInt(transaction -> refundsByTransaction.getOrDefault(transaction, 0))
                        .sum();
                approved += charges;
                refundsMade += refundsOfCharges;
                switch (status) {
                    case "CHARGED" -> {
                        paid++;
                        assertThat(charges)
                                .as("approved charges of payment %s (CHARGED)", paymentId)
                                .isEqualTo(1);
                        assertThat(refundsOfCharges)
                                .as("refunds of payment %s (CHARGED)", paymentId)
                                .isZero();
                    }
                    case "REFUNDED" -> {
                        paid++;
                        refunded++;
                        assertThat(charges)
                                .as("approved charges of payment %s (REFUNDED)", paymentId)
                                .isEqualTo(1);
                        assertThat(refundsOfCharges)
                                .as("refunds of payment %s (REFUNDED)", paymentId)
                                .isEqualTo(1);
                    }
                    default -> {
                        assertThat(charges - refundsOfCharges)
                                .as(
                                        "money the provider holds for payment %s (%s): %d approved charges, %d refunds",
                                        paymentId, status, charges, refundsOfCharges)
                                .isZero();
                        givenBack += charges;
                    }
                }
            }
            count[0] = new LedgerCount(paid, refunded, approved, refundsMade, givenBack);
        });
        return count[0];
    }

    /**
     * Each terminal order's own outcome adds up: a CONFIRMED order is charged and has a scheduled shipment; a REJECTED or
     * CANCELLED one holds no money (its payment, if any, was declined, failed, voided or refunded) and has no live
     * shipment. Then every confirmed order's shipment is dispatched, after which no product may hold reserved stock:
     * a unit still reserved belongs to an order that ended without releasing it. Returns the number of dispatched
     * shipments.
     */
    static int assertEveryOrderSettled(SystemApi api, Map<String, JsonNode> terminalOrders) {
        List<String> confirmedShipments = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    confirmedShipments.clear();
                    for (Map.Entry<String, JsonNode> order : terminalOrders.entrySet()) {
                        String orderId = order.getKey();
                        String status = order.getValue().get("status").asText();
                        JsonNode payment = api.payment(orderId);
                        JsonNode shipment = api.shipment(orderId);
                        String paymentStatus =
                                payment == null ? "none" : payment.get("status").asText();
                        String shipmentStatus = shipment == null
                                ? "none"
                                : shipment.get("status").asText();
                        if (status.equals("CONFIRMED")) {
                            assertThat(paymentStatus)
                                    .as("payment of CONFIRMED order %s", orderId)
                                    .isEqualTo("CHARGED");
                            assertThat(shipmentStatus)
                                    .as("shipment of CONFIRMED order %s", orderId)
                                    .isEqualTo("SCHEDULED");
                            confirmedShipments.add(shipment.get("shipmentId").asText());
                        } else {
                            assertThat(paymentStatus)
                                    .as("payment of %s order %s", status, orderId)
                                    .isIn(NO_MONEY_HELD);
                            assertThat(shipmentStatus)
                                    .as("shipment of %s order %s", status, orderId)
                                    .isIn(NO_LIVE_SHIPMENT);
                        }
                    }
                });
        confirmedShipments.forEach(api::dispatch);
        return confirmedShipments.size();
    }

    /** After every confirmed order's shipment left: nothing reserved anywhere. */
    static void assertNothingReserved(SystemApi api, Collection<String> productIds) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> productIds.forEach(productId -> assertThat(
                                api.product(productId).get("reserved").asInt())
                        .as("units of %s still reserved once every confirmed order shipped", productId)
                        .isZero()));
    }

    /** No event processor has parked a failure. */
    static void assertNoDeadLetters(SystemApi api) {
        List<String> parked = new ArrayList<>();
        api.deadLetters().forEach(group -> {
            if (group.get("sequences").asLong() > 0) {
                parked.add(group.toString());
            }
        });
        assertThat(parked).as("processing groups with dead letters").isEmpty();
    }
}
