package io.fulfillment.psp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Every charge, refund and reversal the sandbox recorded, in the order it recorded them. A reversal that gave money
 * back also appears as a refund of the charge's transaction.
 */
record LedgerView(List<ChargeEntry> charges, List<RefundEntry> refunds, List<ReversalEntry> reversals) {

    record ChargeEntry(
            String idempotencyKey,
            String transactionId,
            String reference,
            BigDecimal amount,
            String currency,
            ChargeResponse.Outcome outcome,
            String declineReason,
            Instant recordedAt) {}

    record RefundEntry(
            String idempotencyKey,
            String refundId,
            String transactionId,
            BigDecimal amount,
            String currency,
            Instant recordedAt) {}

    /** {@code transactionId} is null when nothing was charged under the key, {@code refundId} if none was refunded. */
    record ReversalEntry(String chargeIdempotencyKey, String transactionId, String refundId, Instant recordedAt) {}
}
