package io.fulfillment.payment.charge;

import static io.fulfillment.payment.charge.PaymentFixtures.NOTHING;
import static io.fulfillment.payment.charge.PaymentFixtures.cancelPayment;
import static io.fulfillment.payment.charge.PaymentFixtures.chargeReversalRequested;
import static io.fulfillment.payment.charge.PaymentFixtures.chargeReversed;
import static io.fulfillment.payment.charge.PaymentFixtures.lateChargeRefundRequested;
import static io.fulfillment.payment.charge.PaymentFixtures.nothingReversed;
import static io.fulfillment.payment.charge.PaymentFixtures.paymentCancelled;
import static io.fulfillment.payment.charge.PaymentFixtures.paymentCharged;
import static io.fulfillment.payment.charge.PaymentFixtures.paymentDeclined;
import static io.fulfillment.payment.charge.PaymentFixtures.paymentFailed;
import static io.fulfillment.payment.charge.PaymentFixtures.paymentRefunded;
import static io.fulfillment.payment.charge.PaymentFixtures.paymentRequested;
import static io.fulfillment.payment.charge.PaymentFixtures.recordChargeReversed;
import static io.fulfillment.payment.charge.PaymentFixtures.recordCharged;
import static io.fulfillment.payment.charge.PaymentFixtures.recordDeclined;
import static io.fulfillment.payment.charge.PaymentFixtures.recordFailed;
import static io.fulfillment.payment.charge.PaymentFixtures.recordNothingToReverse;
import static io.fulfillment.payment.charge.PaymentFixtures.recordRefundCompleted;
import static io.fulfillment.payment.charge.PaymentFixtures.refundRequested;
import static io.fulfillment.payment.charge.PaymentFixtures.refundRequestedOnCancellation;
import static io.fulfillment.payment.charge.PaymentFixtures.requestPayment;
import static io.fulfillment.payment.charge.PaymentFixtures.requestPaymentOf;
import static io.fulfillment.payment.charge.PaymentFixtures.requestRefund;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Nested
    class RequestPayment {

        @Test
        void requestsChargeOfOrderTotal() {
            fixture.givenNoPriorActivity().when(requestPayment()).expectEvents(paymentRequested());
        }

        @Test
        void refusesPaymentOfNothing() {
            fixture.givenNoPriorActivity()
                    .when(requestPaymentOf(NOTHING))
                    .expectException(InvalidPaymentAmountException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesPaymentWithoutAmount() {
            fixture.givenNoPriorActivity()
                    .when(requestPaymentOf(null))
                    .expectException(InvalidPaymentAmountException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordPaymentCharged {

        @Test
        void chargesRequestedPayment() {
            fixture.given(paymentRequested()).when(recordCharged()).expectEvents(paymentCharged());
        }

        @Test
        void givesBackLateChargeOfCancelledPayment() {
            fixture.given(paymentRequested(), paymentCancelled())
                    .when(recordCharged())
                    .expectEvents(paymentCharged(), lateChargeRefundRequested());
        }

        @Test
        void ignoresRepeatedCharge() {
            fixture.given(paymentRequested(), paymentCharged())
                    .when(recordCharged())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresRepeatedLateChargeOnceItIsBeingGivenBack() {
            fixture.given(paymentRequested(), paymentCancelled(), paymentCharged(), lateChargeRefundRequested())
                    .when(recordCharged())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresRepeatedChargeOfRefundedPayment() {
            fixture.given(paymentRequested(), paymentCharged(), refundRequested(), paymentRefunded())
                    .when(recordCharged())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesChargeOfDeclinedPayment() {
            fixture.given(paymentRequested(), paymentDeclined())
                    .when(recordCharged())
                    .expectException(PaymentNotChargeableException.class)
                    .expectNoEvents();
        }

        @Test
        void ignoresChargeOfFailedPaymentWhoseChargeIsBeingReversed() {
            fixture.given(paymentRequested(), paymentFailed(), chargeReversalRequested())
                    .when(recordCharged())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresLateChargeOfCancelledPaymentWhoseChargeIsBeingReversed() {
            fixture.given(paymentRequested(), paymentCancelled(), chargeReversalRequested())
                    .when(recordCharged())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesChargeOfFailedPayment() {
            fixture.given(paymentRequested(), paymentFailed())
                    .when(recordCharged())
                    .expectException(PaymentNotChargeableException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordPaymentDeclined {

        @Test
        void declinesRequestedPayment() {
            fixture.given(paymentRequested()).when(recordDeclined()).expectEvents(paymentDeclined());
        }

        @Test
        void ignoresRepeatedDecline() {
            fixture.given(paymentRequested(), paymentDeclined())
                    .when(recordDeclined())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresDeclineOfFailedPayment() {
            fixture.given(paymentRequested(), paymentFailed())
                    .when(recordDeclined())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresDeclineOfCancelledPayment() {
            fixture.given(paymentRequested(), paymentCancelled())
                    .when(recordDeclined())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesDeclineOfChargedPayment() {
            fixture.given(paymentRequested(), paymentCharged())
                    .when(recordDeclined())
                    .expectException(PaymentAlreadyChargedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesDeclineOfPaymentBeingRefunded() {
            fixture.given(paymentRequested(), paymentCharged(), refundRequested())
                    .when(recordDeclined())
                    .expectException(PaymentAlreadyChargedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordPaymentFailed {

        @Test
        void failsRequestedPaymentAndRequestsReversalOfWhatTheProviderMayHaveTaken() {
            fixture.given(paymentRequested())
                    .when(recordFailed())
                    .expectEvents(paymentFailed(), chargeReversalRequested());
        }

        @Test
        void ignoresRepeatedFailure() {
            fixture.given(paymentRequested(), paymentFailed(), chargeReversalRequested())
                    .when(recordFailed())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void requestsReversalForFailedPaymentThatNeverAskedForOne() {
            fixture.given(paymentRequested(), paymentFailed())
                    .when(recordFailed())
                    .expectEvents(chargeReversalRequested());
        }

        @Test
        void ignoresFailureOfDeclinedPayment() {
            fixture.given(paymentRequested(), paymentDeclined())
                    .when(recordFailed())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void requestsReversalWhenChargeOfCancelledPaymentFailed() {
            fixture.given(paymentRequested(), paymentCancelled())
                    .when(recordFailed())
                    .expectEvents(chargeReversalRequested());
        }

        @Test
        void ignoresRepeatedFailureOfCancelledPayment() {
            fixture.given(paymentRequested(), paymentCancelled(), chargeReversalRequested())
                    .when(recordFailed())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesFailureOfChargedPayment() {
            fixture.given(paymentRequested(), paymentCharged())
                    .when(recordFailed())
                    .expectException(PaymentAlreadyChargedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesFailureOfRefundedPayment() {
            fixture.given(paymentRequested(), paymentCharged(), refundRequested(), paymentRefunded())
                    .when(recordFailed())
                    .expectException(PaymentAlreadyChargedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordChargeReversed {

        @Test
        void recordsRefundOfChargeTheProviderHadTakenDespiteTheFailure() {
            fixture.given(paymentRequested(), paymentFailed(), chargeReversalRequested())
                    .when(recordChargeReversed())
                    .expectEvents(chargeReversed());
        }

        @Test
        void recordsThatTheProviderHadChargedNothing() {
            fixture.given(paymentRequested(), paymentFailed(), chargeReversalRequested())
                    .when(recordNothingToReverse())
                    .expectEvents(nothingReversed());
        }

        @Test
        void recordsReversalOfCancelledPayment() {
            fixture.given(paymentRequested(), paymentCancelled(), chargeReversalRequested())
                    .when(recordChargeReversed())
                    .expectEvents(chargeReversed());
        }

        @Test
        void ignoresRepeatedReversal() {
            fixture.given(paymentRequested(), paymentFailed(), chargeReversalRequested(), chargeReversed())
                    .when(recordChargeReversed())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesReversalNobodyRequested() {
            fixture.given(paymentRequested(), paymentCharged())
                    .when(recordChargeReversed())
                    .expectException(ChargeReversalNotRequestedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class CancelPayment {

        @Test
        void preventsAPaymentNotRequestedYet() {
            fixture.givenNoPriorActivity().when(cancelPayment()).expectEvents(paymentCancelled());
        }

        @Test
        void cancelsRequestedPayment() {
            fixture.given(paymentRequested()).when(cancelPayment()).expectEvents(paymentCancelled());
        }

        @Test
        void refundsChargedPayment() {
            fixture.given(paymentRequested(), paymentCharged())
                    .when(cancelPayment())
                    .expectEvents(refundRequestedOnCancellation());
        }

        @Test
        void ignoresRepeatedCancellation() {
            fixture.given(paymentRequested(), paymentCancelled())
                    .when(cancelPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresCancellationOfDeclinedPayment() {
            fixture.given(paymentRequested(), paymentDeclined())
                    .when(cancelPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresCancellationOfFailedPayment() {
            fixture.given(paymentRequested(), paymentFailed())
                    .when(cancelPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresCancellationWhileRefundIsUnderWay() {
            fixture.given(paymentRequested(), paymentCharged(), refundRequested())
                    .when(cancelPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresCancellationOfRefundedPayment() {
            fixture.given(paymentRequested(), paymentCharged(), refundRequested(), paymentRefunded())
                    .when(cancelPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RequestRefund {

        @Test
        void requestsRefundOfChargedPayment() {
            fixture.given(paymentRequested(), paymentCharged())
                    .when(requestRefund())
                    .expectEvents(refundRequested());
        }

        @Test
        void ignoresRepeatedRefundRequest() {
            fixture.given(paymentRequested(), paymentCharged(), refundRequested())
                    .when(requestRefund())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresRefundRequestOfRefundedPayment() {
            fixture.given(paymentRequested(), paymentCharged(), refundRequested(), paymentRefunded())
                    .when(requestRefund())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesRefundOfPaymentNotYetCharged() {
            fixture.given(paymentRequested())
                    .when(requestRefund())
                    .expectException(PaymentNotRefundableException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesRefundOfDeclinedPayment() {
            fixture.given(paymentRequested(), paymentDeclined())
                    .when(requestRefund())
                    .expectException(PaymentNotRefundableException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesRefundOfFailedPayment() {
            fixture.given(paymentRequested(), paymentFailed())
                    .when(requestRefund())
                    .expectException(PaymentNotRefundableException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesRefundOfCancelledPayment() {
            fixture.given(paymentRequested(), paymentCancelled())
                    .when(requestRefund())
                    .expectException(PaymentNotRefundableException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordRefundCompleted {

        @Test
        void completesRequestedRefund() {
            fixture.given(paymentRequested(), paymentCharged(), refundRequested())
                    .when(recordRefundCompleted())
                    .expectEvents(paymentRefunded());
        }

        @Test
        void completesRefundOfLateCharge() {
            fixture.given(paymentRequested(), paymentCancelled(), paymentCharged(), lateChargeRefundRequested())
                    .when(recordRefundCompleted())
                    .expectEvents(paymentRefunded());
        }

        @Test
        void ignoresRepeatedRefundCompletion() {
            fixture.given(paymentRequested(), paymentCharged(), refundRequested(), paymentRefunded())
                    .when(recordRefundCompleted())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesRefundCompletionOfChargedPaymentWithoutRefundRequest() {
            fixture.given(paymentRequested(), paymentCharged())
                    .when(recordRefundCompleted())
                    .expectException(RefundNotRequestedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesRefundCompletionOfPaymentNeverCharged() {
            fixture.given(paymentRequested())
                    .when(recordRefundCompleted())
                    .expectException(RefundNotRequestedException.class)
                    .expectNoEvents();
        }
    }
}
