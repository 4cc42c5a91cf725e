package io.fulfillment.payment.charge;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.payment.CancelPaymentCommand;
import io.fulfillment.contracts.payment.ChargeReversalRequestedEvent;
import io.fulfillment.contracts.payment.ChargeReversedEvent;
import io.fulfillment.contracts.payment.PaymentCancelledEvent;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentFailure;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentRefundedEvent;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.RecordChargeReversedCommand;
import io.fulfillment.contracts.payment.RecordPaymentChargedCommand;
import io.fulfillment.contracts.payment.RecordPaymentDeclinedCommand;
import io.fulfillment.contracts.payment.RecordPaymentFailedCommand;
import io.fulfillment.contracts.payment.RecordRefundCompletedCommand;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.payment.RequestPaymentCommand;
import io.fulfillment.contracts.payment.RequestRefundCommand;

/** Object Mother for payments: one customer paying one order's total. */
final class PaymentFixtures {

    static final PaymentId PAYMENT_ID = PaymentId.of("payment-of-order-1001");
    static final OrderId ORDER_ID = OrderId.of("order-1001");
    static final CustomerId CUSTOMER_ID = CustomerId.of("customer-ada");
    static final Money ORDER_TOTAL = Money.of("59.90", "EUR");
    static final Money NOTHING = Money.zero("EUR");
    static final String PSP_TRANSACTION_ID = "psp-txn-7f3a";
    static final String PSP_REFUND_ID = "psp-refund-91c2";
    static final String PSP_REVERSAL_REFUND_ID = "psp-refund-5d0e";
    static final String NO_CHARGE_AT_PROVIDER = null;
    static final String NOTHING_REFUNDED = null;
    static final String CARD_DECLINED = "card declined: insufficient funds";
    static final PaymentFailure PSP_UNAVAILABLE = PaymentFailure.PROVIDER_UNAVAILABLE;
    static final String CUSTOMER_CANCELLED = "customer cancelled the order";
    static final String SHIPMENT_REJECTED = "shipment rejected: address outside the delivery area";
    static final String CANCELLED_BEFORE_CHARGE = "payment was cancelled before the charge completed";

    private PaymentFixtures() {}

    static RequestPaymentCommand requestPayment() {
        return requestPaymentOf(ORDER_TOTAL);
    }

    static RequestPaymentCommand requestPaymentOf(Money amount) {
        return new RequestPaymentCommand(PAYMENT_ID, ORDER_ID, CUSTOMER_ID, amount);
    }

    static RecordPaymentChargedCommand recordCharged() {
        return new RecordPaymentChargedCommand(PAYMENT_ID, PSP_TRANSACTION_ID);
    }

    static RecordPaymentDeclinedCommand recordDeclined() {
        return new RecordPaymentDeclinedCommand(PAYMENT_ID, CARD_DECLINED);
    }

    static RecordPaymentFailedCommand recordFailed() {
        return new RecordPaymentFailedCommand(PAYMENT_ID, PSP_UNAVAILABLE);
    }

    static CancelPaymentCommand cancelPayment() {
        return new CancelPaymentCommand(PAYMENT_ID, ORDER_ID, CUSTOMER_CANCELLED);
    }

    static RequestRefundCommand requestRefund() {
        return new RequestRefundCommand(PAYMENT_ID, SHIPMENT_REJECTED);
    }

    static RecordRefundCompletedCommand recordRefundCompleted() {
        return new RecordRefundCompletedCommand(PAYMENT_ID, PSP_REFUND_ID);
    }

    /** The provider had taken the money despite the failed answers, and gave it back. */
    static RecordChargeReversedCommand recordChargeReversed() {
        return new RecordChargeReversedCommand(PAYMENT_ID, PSP_TRANSACTION_ID, PSP_REVERSAL_REFUND_ID);
    }

    /** The provider had charged nothing, and will charge nothing under the payment's key. */
    static RecordChargeReversedCommand recordNothingToReverse() {
        return new RecordChargeReversedCommand(PAYMENT_ID, NO_CHARGE_AT_PROVIDER, NOTHING_REFUNDED);
    }

    static PaymentRequestedEvent paymentRequested() {
        return new PaymentRequestedEvent(PAYMENT_ID, ORDER_ID, CUSTOMER_ID, ORDER_TOTAL);
    }

    static PaymentChargedEvent paymentCharged() {
        return new PaymentChargedEvent(PAYMENT_ID, ORDER_ID, ORDER_TOTAL, PSP_TRANSACTION_ID);
    }

    static PaymentDeclinedEvent paymentDeclined() {
        return new PaymentDeclinedEvent(PAYMENT_ID, ORDER_ID, CARD_DECLINED);
    }

    static PaymentFailedEvent paymentFailed() {
        return new PaymentFailedEvent(PAYMENT_ID, ORDER_ID, PSP_UNAVAILABLE);
    }

    static PaymentCancelledEvent paymentCancelled() {
        return new PaymentCancelledEvent(PAYMENT_ID, ORDER_ID, CUSTOMER_CANCELLED);
    }

    /** The saga asked for the money back because the order could not be shipped. */
    static RefundRequestedEvent refundRequested() {
        return new RefundRequestedEvent(PAYMENT_ID, ORDER_ID, ORDER_TOTAL, PSP_TRANSACTION_ID, SHIPMENT_REJECTED);
    }

    /** The customer cancelled after the charge went through, so abandoning the payment means refunding it. */
    static RefundRequestedEvent refundRequestedOnCancellation() {
        return new RefundRequestedEvent(PAYMENT_ID, ORDER_ID, ORDER_TOTAL, PSP_TRANSACTION_ID, CUSTOMER_CANCELLED);
    }

    /** The charge completed after the payment had been cancelled, so the money goes straight back. */
    static RefundRequestedEvent lateChargeRefundRequested() {
        return new RefundRequestedEvent(PAYMENT_ID, ORDER_ID, ORDER_TOTAL, PSP_TRANSACTION_ID, CANCELLED_BEFORE_CHARGE);
    }

    static ChargeReversalRequestedEvent chargeReversalRequested() {
        return new ChargeReversalRequestedEvent(PAYMENT_ID, ORDER_ID);
    }

    static ChargeReversedEvent chargeReversed() {
        return new ChargeReversedEvent(PAYMENT_ID, ORDER_ID, PSP_TRANSACTION_ID, PSP_REVERSAL_REFUND_ID);
    }

    static ChargeReversedEvent nothingReversed() {
        return new ChargeReversedEvent(PAYMENT_ID, ORDER_ID, NO_CHARGE_AT_PROVIDER, NOTHING_REFUNDED);
    }

    static PaymentRefundedEvent paymentRefunded() {
        return new PaymentRefundedEvent(PAYMENT_ID, ORDER_ID, ORDER_TOTAL, PSP_REFUND_ID);
    }
}
