package io.fulfillment.psp;

import io.fulfillment.psp.ChargeResponse.Outcome;
import io.fulfillment.psp.LedgerView.ChargeEntry;
import io.fulfillment.psp.LedgerView.RefundEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The money the sandbox moved, in memory. Each idempotency key is charged or refunded once: the first request under a
 * key does the work inside {@link ConcurrentMap#computeIfAbsent}, so parallel retries with that key wait for it and
 * then get its answer. A transaction is refunded at most once, in full or in part.
 */
@Component
class Ledger {

    private final FaultInjector faults;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentMap<String, Charge> chargesByKey = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Charge> chargesByTransaction = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Refund> refundsByKey = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Refund> refundsByTransaction = new ConcurrentHashMap<>();

    Ledger(FaultInjector faults) {
        this.faults = faults;
    }

    ChargeResponse charge(String idempotencyKey, ChargeRequest request) {
        Charge charge = chargesByKey.computeIfAbsent(idempotencyKey, key -> record(key, request));
        if (!charge.request().sameAs(request)) {
            throw new IdempotencyKeyReusedException(idempotencyKey);
        }
        return charge.response();
    }

    RefundResponse refund(String idempotencyKey, RefundRequest request) {
        Refund refund = refundsByKey.computeIfAbsent(idempotencyKey, key -> record(key, request));
        if (!refund.request().sameAs(request)) {
            throw new IdempotencyKeyReusedException(idempotencyKey);
        }
        return refund.response();
    }

    LedgerView view() {
        return new LedgerView(
                chargesByKey.values().stream()
                        .sorted(Comparator.comparingLong(Charge::sequence))
                        .map(Charge::entry)
                        .toList(),
                refundsByKey.values().stream()
                        .sorted(Comparator.comparingLong(Refund::sequence))
                        .map(Refund::entry)
                        .toList());
    }

    private Charge record(String key, ChargeRequest request) {
        Optional<String> declineReason = faults.decline();
        ChargeResponse response = new ChargeResponse(
                "txn-" + UUID.randomUUID(),
                declineReason.isPresent() ? Outcome.DECLINED : Outcome.APPROVED,
                declineReason.orElse(null));
        Charge charge = new Charge(sequence.incrementAndGet(), key, request, response, Instant.now());
        chargesByTransaction.put(response.transactionId(), charge);
        return charge;
    }

    private Refund record(String key, RefundRequest request) {
        Charge charge = chargesByTransaction.get(request.transactionId());
        if (charge == null) {
            throw new UnknownTransactionException(request.transactionId());
        }
        if (charge.response().outcome() != Outcome.APPROVED) {
            throw new RefundRefusedException("transaction " + request.transactionId() + " was declined");
        }
        if (!charge.request().currency().equals(request.currency())
                || charge.request().amount().compareTo(request.amount()) < 0) {
            throw new RefundRefusedException("transaction " + request.transactionId() + " charged "
                    + charge.request().amount() + " " + charge.request().currency() + ", cannot refund "
                    + request.amount() + " " + request.currency());
        }
        Refund refund = new Refund(
                sequence.incrementAndGet(),
                key,
                request,
                new RefundResponse("rfd-" + UUID.randomUUID(), request.transactionId()),
                Instant.now());
        if (refundsByTransaction.putIfAbsent(request.transactionId(), refund) != null) {
            throw new RefundRefusedException("transaction " + request.transactionId() + " was already refunded");
        }
        return refund;
    }

    private record Charge(
            long sequence, String idempotencyKey, ChargeRequest request, ChargeResponse response, Instant recordedAt) {

        ChargeEntry entry() {
            return new ChargeEntry(
                    idempotencyKey,
                    response.transactionId(),
                    request.reference(),
                    request.amount(),
                    request.currency(),
                    response.outcome(),
                    response.declineReason(),
                    recordedAt);
        }
    }

    private record Refund(
            long sequence, String idempotencyKey, RefundRequest request, RefundResponse response, Instant recordedAt) {

        RefundEntry entry() {
            return new RefundEntry(
                    idempotencyKey,
                    response.refundId(),
                    request.transactionId(),
                    request.amount(),
                    request.currency(),
                    recordedAt);
        }
    }
}
