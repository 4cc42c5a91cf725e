package io.fulfillment.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillment.psp.ChargeResponse.Outcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

    private static final String KEY = "charge-payment-1";
    private static final ChargeRequest CHARGE = new ChargeRequest("payment-1", new BigDecimal("25.00"), "EUR");

    private final FaultInjector faults = new FaultInjector(new Random(42));
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @TempDir
    Path dataDir;

    private Ledger ledger;

    @BeforeEach
    void openLedger() {
        ledger = new Ledger(faults, dataDir);
    }

    @AfterEach
    void stopCallersAndCloseLedger() {
        callers.shutdownNow();
        ledger.close();
    }

    @Nested
    class Charge {

        @Test
        void approvesChargeWhenNoDeclinesAreInjected() {
            ChargeResponse response = ledger.charge(KEY, CHARGE);

            assertThat(response.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(response.transactionId()).isNotBlank();
            assertThat(response.declineReason()).isNull();
        }

        @Test
        void declinesEveryChargeAtFullDeclineRate() {
            faults.change(new Faults(0, 0, 0, 0, 1, false, null));

            ChargeResponse response = ledger.charge(KEY, CHARGE);

            assertThat(response.outcome()).isEqualTo(Outcome.DECLINED);
            assertThat(response.declineReason()).isEqualTo(FaultInjector.DECLINE_REASON);
        }

        @Test
        void answersRepeatedKeyWithStoredResultAndChargesOnce() {
            ChargeResponse first = ledger.charge(KEY, CHARGE);
            faults.change(new Faults(0, 0, 0, 0, 1, false, null));

            ChargeResponse again = ledger.charge(KEY, new ChargeRequest("payment-1", new BigDecimal("25.0"), "EUR"));

            assertThat(again).isEqualTo(first);
            assertThat(ledger.view().charges()).hasSize(1);
        }

        @Test
        void refusesKeyReusedForDifferentCharge() {
            ledger.charge(KEY, CHARGE);

            assertThatThrownBy(() -> ledger.charge(KEY, new ChargeRequest("payment-1", new BigDecimal("26.00"), "EUR")))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
            assertThat(ledger.view().charges()).hasSize(1);
        }

        @Test
        void chargesOnceWhenOneKeyIsRetriedInParallel() throws Exception {
            List<Callable<ChargeResponse>> retries = IntStream.range(0, 50)
                    .<Callable<ChargeResponse>>mapToObj(i -> () -> ledger.charge(KEY, CHARGE))
                    .toList();

            List<String> transactionIds = callers.invokeAll(retries).stream()
                    .map(LedgerTest::result)
                    .map(ChargeResponse::transactionId)
                    .distinct()
                    .toList();

            assertThat(transactionIds).hasSize(1);
            assertThat(ledger.view().charges()).hasSize(1);
        }
    }

    @Nested
    class Refund {

        @Test
        void refundsApprovedCharge() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);

            RefundResponse refund = ledger.refund("refund-payment-1", refundOf(charge));

            assertThat(refund.transactionId()).isEqualTo(charge.transactionId());
            assertThat(refund.refundId()).isNotBlank();
            assertThat(ledger.view().refunds()).singleElement().satisfies(entry -> assertThat(entry.transactionId())
                    .isEqualTo(charge.transactionId()));
        }

        @Test
        void answersRepeatedRefundKeyWithStoredResultAndRefundsOnce() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);

            RefundResponse first = ledger.refund("refund-payment-1", refundOf(charge));
            RefundResponse again = ledger.refund("refund-payment-1", refundOf(charge));

            assertThat(again).isEqualTo(first);
            assertThat(ledger.view().refunds()).hasSize(1);
        }

        @Test
        void refusesRefundOfUnknownTransaction() {
            assertThatThrownBy(() ->
                            ledger.refund("refund-x", new RefundRequest("txn-unknown", new BigDecimal("1.00"), "EUR")))
                    .isInstanceOf(UnknownTransactionException.class);
            assertThat(ledger.view().refunds()).isEmpty();
        }

        @Test
        void refusesRefundOfDeclinedCharge() {
            faults.change(new Faults(0, 0, 0, 0, 1, false, null));
            ChargeResponse declined = ledger.charge(KEY, CHARGE);

            assertThatThrownBy(() -> ledger.refund("refund-payment-1", refundOf(declined)))
                    .isInstanceOf(RefundRefusedException.class);
        }

        @Test
        void refusesSecondRefundOfOneTransactionUnderAnotherKey() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);
            ledger.refund("refund-payment-1", refundOf(charge));

            assertThatThrownBy(() -> ledger.refund("refund-other", refundOf(charge)))
                    .isInstanceOf(RefundRefusedException.class);
            assertThat(ledger.view().refunds()).hasSize(1);
        }

        @Test
        void refusesRefundOfMoreThanWasCharged() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);

            assertThatThrownBy(() -> ledger.refund(
                            "refund-payment-1",
                            new RefundRequest(charge.transactionId(), new BigDecimal("25.01"), "EUR")))
                    .isInstanceOf(RefundRefusedException.class);
        }
    }

    @Nested
    class LookUp {

        @Test
        void findsChargeMadeUnderKey() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);

            assertThat(ledger.chargeUnder(KEY)).contains(charge);
        }

        @Test
        void findsNothingUnderUnusedKey() {
            assertThat(ledger.chargeUnder(KEY)).isEmpty();
        }
    }

    @Nested
    class Reversal {

        @Test
        void refundsApprovedChargeUnderKey() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);

            ReversalResponse reversal = ledger.reverse(KEY);

            assertThat(reversal.transactionId()).isEqualTo(charge.transactionId());
            assertThat(reversal.refundId()).isNotBlank();
            assertThat(ledger.view().refunds()).singleElement().satisfies(refund -> {
                assertThat(refund.transactionId()).isEqualTo(charge.transactionId());
                assertThat(refund.amount()).isEqualByComparingTo(CHARGE.amount());
            });
        }

        @Test
        void answersRepeatedReversalWithTheFirstAndRefundsOnce() {
            ledger.charge(KEY, CHARGE);

            ReversalResponse first = ledger.reverse(KEY);
            ReversalResponse again = ledger.reverse(KEY);

            assertThat(again).isEqualTo(first);
            assertThat(ledger.view().refunds()).hasSize(1);
            assertThat(ledger.view().reversals()).hasSize(1);
        }

        @Test
        void refusesChargeUnderKeyReversedBeforeAnyCharge() {
            ReversalResponse reversal = ledger.reverse(KEY);

            assertThat(reversal.transactionId()).isNull();
            assertThat(reversal.refundId()).isNull();
            assertThatThrownBy(() -> ledger.charge(KEY, CHARGE)).isInstanceOf(ChargeReversedException.class);
            assertThat(ledger.view().charges()).isEmpty();
        }

        @Test
        void answersChargeRepeatedAfterReversalWithTheFirstAnswerWithoutChargingAgain() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);
            ledger.reverse(KEY);

            assertThat(ledger.charge(KEY, CHARGE)).isEqualTo(charge);
            assertThat(ledger.view().charges()).hasSize(1);
        }

        @Test
        void refundsNothingForDeclinedCharge() {
            faults.change(new Faults(0, 0, 0, 0, 1, false, null));
            ChargeResponse declined = ledger.charge(KEY, CHARGE);

            ReversalResponse reversal = ledger.reverse(KEY);

            assertThat(reversal.transactionId()).isEqualTo(declined.transactionId());
            assertThat(reversal.refundId()).isNull();
            assertThat(ledger.view().refunds()).isEmpty();
        }

        @Test
        void keepsRefundAlreadyMadeForTheCharge() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);
            RefundResponse refund = ledger.refund("refund-payment-1", refundOf(charge));

            ReversalResponse reversal = ledger.reverse(KEY);

            assertThat(reversal.refundId()).isEqualTo(refund.refundId());
            assertThat(ledger.view().refunds()).hasSize(1);
        }

        @Test
        void leavesNoMoneyWhenChargeAndReversalRaceOnOneKey() throws Exception {
            List<String> keys =
                    IntStream.range(0, 200).mapToObj(i -> "charge-race-" + i).toList();
            List<Callable<Object>> racing = keys.stream()
                    .<Callable<Object>>mapMulti((key, calls) -> {
                        calls.accept(() -> chargeOrRefusal(key));
                        calls.accept(() -> ledger.reverse(key));
                    })
                    .toList();

            callers.invokeAll(racing).forEach(LedgerTest::result);

            LedgerView view = ledger.view();
            assertThat(view.reversals()).hasSize(keys.size());
            assertThat(view.refunds()).hasSameSizeAs(view.charges());
            assertThat(view.refunds())
                    .extracting(LedgerView.RefundEntry::transactionId)
                    .containsExactlyInAnyOrderElementsOf(view.charges().stream()
                            .map(LedgerView.ChargeEntry::transactionId)
                            .toList());
        }

        private Object chargeOrRefusal(String key) {
            try {
                return ledger.charge(key, CHARGE);
            } catch (ChargeReversedException refused) {
                return refused;
            }
        }
    }

    @Nested
    class Restart {

        @Test
        void refundsChargeMadeBeforeTheRestart() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);

            restart();

            RefundResponse refund = ledger.refund("refund-payment-1", refundOf(charge));
            assertThat(refund.transactionId()).isEqualTo(charge.transactionId());
        }

        @Test
        void answersRepeatedChargeKeyWithTheAnswerGivenBeforeTheRestart() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);

            restart();

            assertThat(ledger.charge(KEY, CHARGE)).isEqualTo(charge);
            assertThat(ledger.chargeUnder(KEY)).contains(charge);
            assertThat(ledger.view().charges()).hasSize(1);
        }

        @Test
        void answersRepeatedDeclineWithTheDeclineGivenBeforeTheRestart() {
            faults.change(new Faults(0, 0, 0, 0, 1, false, null));
            ChargeResponse declined = ledger.charge(KEY, CHARGE);
            faults.reset();

            restart();

            assertThat(ledger.charge(KEY, CHARGE)).isEqualTo(declined);
        }

        @Test
        void refusesChargeUnderKeyReversedBeforeTheRestart() {
            ledger.reverse(KEY);

            restart();

            assertThatThrownBy(() -> ledger.charge(KEY, CHARGE)).isInstanceOf(ChargeReversedException.class);
        }

        @Test
        void answersRepeatedReversalAndRefusesRefundOfItsChargeAfterTheRestart() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);
            ReversalResponse reversal = ledger.reverse(KEY);

            restart();

            assertThat(ledger.reverse(KEY)).isEqualTo(reversal);
            assertThatThrownBy(() -> ledger.refund("refund-payment-1", refundOf(charge)))
                    .isInstanceOf(RefundRefusedException.class);
        }

        @Test
        void answersRepeatedRefundKeyWithTheRefundMadeBeforeTheRestart() {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);
            RefundResponse refund = ledger.refund("refund-payment-1", refundOf(charge));

            restart();

            assertThat(ledger.refund("refund-payment-1", refundOf(charge))).isEqualTo(refund);
        }

        @Test
        void showsTheSameLedgerInTheSameOrderAndKeepsCounting() {
            ChargeResponse first = ledger.charge(KEY, CHARGE);
            ledger.charge("charge-payment-2", CHARGE);
            ledger.refund("refund-payment-1", refundOf(first));
            ledger.reverse("charge-payment-2");
            ledger.reverse("charge-payment-3");
            LedgerView before = ledger.view();

            restart();
            ledger.charge("charge-payment-4", CHARGE);

            LedgerView after = ledger.view();
            assertThat(after.charges()).startsWith(before.charges().toArray(LedgerView.ChargeEntry[]::new));
            assertThat(after.charges()).last().satisfies(charge -> assertThat(charge.idempotencyKey())
                    .isEqualTo("charge-payment-4"));
            assertThat(after.refunds()).isEqualTo(before.refunds());
            assertThat(after.reversals()).isEqualTo(before.reversals());
        }

        @Test
        void ignoresTornLastLineLeftByACrashAndAppendsAfterTheLastWholeOne() throws IOException {
            ChargeResponse charge = ledger.charge(KEY, CHARGE);
            ledger.close();
            Files.writeString(journal(), "{\"charge\":{\"sequence\":2,\"idempotencyKe", StandardOpenOption.APPEND);

            ledger = new Ledger(faults, dataDir);
            ChargeResponse later = ledger.charge("charge-payment-2", CHARGE);
            restart();

            assertThat(ledger.chargeUnder(KEY)).contains(charge);
            assertThat(ledger.chargeUnder("charge-payment-2")).contains(later);
            assertThat(Files.readAllLines(journal())).hasSize(2);
        }

        @Test
        void refusesToStartOnALedgerDamagedBeforeItsLastLine() throws IOException {
            ledger.charge(KEY, CHARGE);
            ledger.close();
            List<String> lines = Files.readAllLines(journal());
            Files.write(journal(), List.of("not json", lines.get(0)));

            assertThatThrownBy(() -> new Ledger(faults, dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("line 1");
        }

        @Test
        void refusesASecondLedgerOnTheSameDirectory() {
            assertThatThrownBy(() -> new Ledger(faults, dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }

        private void restart() {
            ledger.close();
            ledger = new Ledger(faults, dataDir);
        }

        private Path journal() {
            return dataDir.resolve(Ledger.FILE_NAME);
        }
    }

    private static RefundRequest refundOf(ChargeResponse charge) {
        return new RefundRequest(charge.transactionId(), CHARGE.amount(), CHARGE.currency());
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
