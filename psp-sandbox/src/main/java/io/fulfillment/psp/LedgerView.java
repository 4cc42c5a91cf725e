package io.fulfillment.psp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Every charge and refund the sandbox recorded, in the order it recorded them. */
record LedgerView(List<ChargeEntry> charges, List<RefundEntry> refunds) {

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
}
