package io.fulfillment.psp;

import io.fulfillment.psp.ChargeResponse.Outcome;
import io.fulfillment.psp.LedgerView.ChargeEntry;
import io.fulfillment.psp.LedgerView.RefundEntry;
import io.fulfillment.psp.LedgerView.ReversalEntry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The money the sandbox moved. Each idempotency key is charged or refunded once: the first request under a
 * key does the work inside {@link ConcurrentMap#computeIfAbsent}, so parallel retries with that key wait for it and
 * then get its answer. A transaction is refunded at most once, in full or in part.
 *
 * <p>A charge key can be reversed: whatever was charged under it is refunded, and no charge is taken under it anymore.
 * The reversal runs under the key's lock in the charges map, so a charge under that key that is being made finishes
 * first (and is refunded), and one that arrives later is refused. That is what makes a reversal safe for a caller who
 * gave up on a charge whose request may still be on its way.
 *
 * <p>A restart forgets nothing, even after a crash: every charge, refund and reversal is journalled to
 * {@value #FILE_NAME} in the data directory, on disk before its answer is given (or even visible to a retry), and a new
 * ledger on the same directory reads them back.
 */
@Component
class Ledger implements AutoCloseable {

    static final String FILE_NAME = "psp-sandbox-ledger.jsonl";

    private final FaultInjector faults;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentMap<String, Charge> chargesByKey = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Charge> chargesByTransaction = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Refund> refundsByKey = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Refund> refundsByTransaction = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Reversal> reversalsByChargeKey = new ConcurrentHashMap<>();
    private final Journal<Entry> journal;

    @Autowired
    Ledger(FaultInjector faults, PspSandboxProperties properties) {
        this(faults, properties.dataDir());
    }

    Ledger(FaultInjector faults, Path dataDir) {
        this.faults = faults;
        this.journal = Journal.open(dataDir.resolve(FILE_NAME), Entry.class, this::restore);
    }

    ChargeResponse charge(String idempotencyKey, ChargeRequest request) {
        Charge charge = chargesByKey.computeIfAbsent(idempotencyKey, key -> {
            if (reversalsByChargeKey.containsKey(key)) {
                throw new ChargeReversedException(key);
            }
            return record(key, request);
        });
        if (!charge.request().sameAs(request)) {
            throw new IdempotencyKeyReusedException(idempotencyKey);
        }
        return charge.response();
    }

    /** The answer to the charge made under the key, if one was made. */
    Optional<ChargeResponse> chargeUnder(String idempotencyKey) {
        return Optional.ofNullable(chargesByKey.get(idempotencyKey)).map(Charge::response);
    }

    /** Refunds what was charged under the key, if anything, and refuses any later charge under it; once per key. */
    ReversalResponse reverse(String chargeKey) {
        AtomicReference<Reversal> reversal = new AtomicReference<>();
        chargesByKey.compute(chargeKey, (key, charge) -> {
            reversal.set(reversalsByChargeKey.computeIfAbsent(key, reversed -> reversalOf(reversed, charge)));
            return charge;
        });
        return reversal.get().response();
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
                        .toList(),
                reversalsByChargeKey.values().stream()
                        .sorted(Comparator.comparingLong(Reversal::sequence))
                        .map(Reversal::entry)
                        .toList());
    }

    private Charge record(String key, ChargeRequest request) {
        Optional<String> declineReason = faults.decline();
        ChargeResponse response = new ChargeResponse(
                "txn-" + UUID.randomUUID(),
                declineReason.isPresent() ? Outcome.DECLINED : Outcome.APPROVED,
                declineReason.orElse(null));
        Charge charge = new Charge(sequence.incrementAndGet(), key, request, response, Instant.now());
        write(new Entry(charge, null, null));
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
        Refund made = new Refund(
                sequence.incrementAndGet(),
                key,
                request,
                new RefundResponse("rfd-" + UUID.randomUUID(), request.transactionId()),
                Instant.now());
        Refund refund = refundsByTransaction.computeIfAbsent(request.transactionId(), refunded -> {
            write(new Entry(null, made, null));
            return made;
        });
        if (refund != made) {
            throw new RefundRefusedException("transaction " + request.transactionId() + " was already refunded");
        }
        return refund;
    }

    /** Called under the charge key's lock, with the charge made under it or null. */
    private Reversal reversalOf(String chargeKey, Charge charge) {
        if (charge == null || charge.response().outcome() != Outcome.APPROVED) {
            Reversal reversal = new Reversal(
                    sequence.incrementAndGet(),
                    chargeKey,
                    charge == null ? null : charge.response().transactionId(),
                    null,
                    Instant.now());
            write(new Entry(null, null, reversal));
            return reversal;
        }
        String transactionId = charge.response().transactionId();
        AtomicReference<Reversal> refunding = new AtomicReference<>();
        Refund refund = refundsByTransaction.computeIfAbsent(transactionId, refunded -> {
            Refund made = new Refund(
                    sequence.incrementAndGet(),
                    "reversal-" + chargeKey,
                    new RefundRequest(
                            refunded,
                            charge.request().amount(),
                            charge.request().currency()),
                    new RefundResponse("rfd-" + UUID.randomUUID(), refunded),
                    Instant.now());
            refunding.set(reversalWith(chargeKey, transactionId, made));
            // one line: a crash cannot keep the refund and lose the reversal that made it
            write(new Entry(null, made, refunding.get()));
            return made;
        });
        refundsByKey.putIfAbsent(refund.idempotencyKey(), refund);
        if (refunding.get() != null) {
            return refunding.get();
        }
        Reversal reversal = reversalWith(chargeKey, transactionId, refund);
        write(new Entry(null, null, reversal));
        return reversal;
    }

    private Reversal reversalWith(String chargeKey, String transactionId, Refund refund) {
        return new Reversal(
                sequence.incrementAndGet(),
                chargeKey,
                transactionId,
                refund.response().refundId(),
                Instant.now());
    }

    /**
     * On disk before the caller goes on. A ledger that cannot write answers 503 from then on (the journal refuses
     * every later entry), so no answer is ever given that a restart would forget.
     */
    private void write(Entry entry) {
        try {
            journal.append(entry);
        } catch (UncheckedIOException e) {
            throw new ProviderUnavailableException("the payment service provider cannot write its ledger");
        }
    }

    private void restore(Entry entry) {
        if (entry.charge() != null) {
            Charge charge = entry.charge();
            chargesByKey.put(charge.idempotencyKey(), charge);
            chargesByTransaction.put(charge.response().transactionId(), charge);
            sequence.accumulateAndGet(charge.sequence(), Math::max);
        }
        if (entry.refund() != null) {
            Refund refund = entry.refund();
            refundsByKey.put(refund.idempotencyKey(), refund);
            refundsByTransaction.put(refund.request().transactionId(), refund);
            sequence.accumulateAndGet(refund.sequence(), Math::max);
        }
        if (entry.reversal() != null) {
            Reversal reversal = entry.reversal();
            reversalsByChargeKey.put(reversal.chargeKey(), reversal);
            sequence.accumulateAndGet(reversal.sequence(), Math::max);
        }
    }

    @Override
    public void close() {
        journal.close();
    }

    /** One line of the journal: a charge, a refund, a reversal, or a reversal with the refund it made. */
    private record Entry(Charge charge, Refund refund, Reversal reversal) {}

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

    private record Reversal(
            long sequence, String chargeKey, String transactionId, String refundId, Instant recordedAt) {

        ReversalResponse response() {
            return new ReversalResponse(chargeKey, transactionId, refundId);
        }

        ReversalEntry entry() {
            return new ReversalEntry(chargeKey, transactionId, refundId, recordedAt);
        }
    }
}
