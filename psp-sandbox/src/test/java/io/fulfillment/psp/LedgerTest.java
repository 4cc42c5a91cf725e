package io.fulfillment.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillment.psp.ChargeResponse.Outcome;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final String KEY = "charge-payment-1";
    private static final ChargeRequest CHARGE = new ChargeRequest("payment-1", new BigDecimal("25.00"), "EUR");

    private final FaultInjector faults = new FaultInjector(new Random(42));
    private final Ledger ledger = new Ledger(faults);
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
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
