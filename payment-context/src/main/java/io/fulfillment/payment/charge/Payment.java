package io.fulfillment.payment.charge;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.payment.CancelPaymentCommand;
import io.fulfillment.contracts.payment.ChargeReversalRequestedEvent;
import io.fulfillment.contracts.payment.ChargeReversedEvent;
import io.fulfillment.contracts.payment.PaymentCancelledEvent;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentRefundedEvent;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.PaymentStatus;
import io.fulfillment.contracts.payment.RecordChargeReversedCommand;
import io.fulfillment.contracts.payment.RecordPaymentChargedCommand;
import io.fulfillment.contracts.payment.RecordPaymentDeclinedCommand;
import io.fulfillment.contracts.payment.RecordPaymentFailedCommand;
import io.fulfillment.contracts.payment.RecordRefundCompletedCommand;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.payment.RequestPaymentCommand;
import io.fulfillment.contracts.payment.RequestRefundCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One charge of an order's total through the payment service provider (PSP), and the refund that may follow it.
 *
 * <p>Lifecycle:
 *
 * <pre>
 * REQUESTED ──charged──────▶ CHARGED ──refund or cancel──▶ REFUND_REQUESTED ──refund completed──▶ REFUNDED
 *     ├─────declined─────▶ DECLINED
 *     ├─────failed───────▶ FAILED, charge reversal requested at once ──charge reversed──▶ (stays FAILED)
 *     └─────cancelled────▶ CANCELLED ──late charge──▶ CHARGED, then REFUND_REQUESTED at once
 *                              └───charge failed──▶ charge reversal requested ──charge reversed──▶ (stays CANCELLED)
 * </pre>
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>The amount is positive.
 *   <li>The customer's money is taken at most once: a charge recorded again is ignored, because the PSP caller retries.
 *   <li>A payment the PSP declined or failed to make is never charged; a charged payment is never declined or failed.
 *   <li>A charge that arrives after the payment was cancelled is given back automatically: the aggregate records the
 *       charge and requests its refund in the same step.
 *   <li>Only a charged payment is refunded, and only once: cancelling a charged payment means refunding it, and asking
 *       again for a refund (or a cancellation) while one is under way or done changes nothing.
 *   <li>A refund completes only after it was requested.
 *   <li>A failed charge may still have taken the money: the provider's answers can be lost, or come after the caller
 *       stopped waiting. So a payment that fails, or whose charge fails after it was cancelled, requests the reversal
 *       of whatever the provider holds for it, once; the reversal is recorded once it is done, and a charge reported
 *       after the reversal was requested is ignored, because the reversal gives that money back.
 *   <li>A reversal is recorded only after it was requested, and only once.
 *   <li>A payment cancelled before it was requested (the order ended while the request was on its way) exists as
 *       CANCELLED from the start: the request, when it arrives, cannot create it again and is refused.
 * </ul>
 *
 * <p>Outcomes that have already happened are answered with silence rather than errors, so that the saga and the PSP
 * adapter may repeat any command safely.
 */
@Aggregate(snapshotTriggerDefinition = "paymentSnapshotTrigger", cache = "paymentCache")
// snapshots are the aggregate itself, written by the Jackson serializer: its fields, not its predicates
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Payment {

    static final String LATE_CHARGE_REFUND_REASON = "payment was cancelled before the charge completed";

    @AggregateIdentifier
    private PaymentId paymentId;

    private OrderId orderId;
    private Money amount;
    private PaymentStatus status;
    /** The provider's charge, once charged; null in a snapshot taken before revision 2 of the refund request. */
    private String pspTransactionId;

    private boolean chargeReversalRequested;
    private boolean chargeReversed;

    // required by Axon
    Payment() {}

    @CommandHandler
    Payment(RequestPaymentCommand command) {
        if (!isPositive(command.amount())) {
            throw new InvalidPaymentAmountException(command.amount());
        }
        apply(new PaymentRequestedEvent(
                command.paymentId(), command.orderId(), command.customerId(), command.amount()));
    }

    @CommandHandler
    void handle(RecordPaymentChargedCommand command) {
        if (hasBeenCharged() || chargeReversalRequested) {
            return;
        }
        if (wasRefusedByProvider()) {
            throw new PaymentNotChargeableException(paymentId, status);
        }
        boolean abandonedBeforeCharge = isCancelled();
        apply(new PaymentChargedEvent(paymentId, orderId, amount, command.pspTransactionId()));
        if (abandonedBeforeCharge) {
            apply(new RefundRequestedEvent(
                    paymentId, orderId, amount, command.pspTransactionId(), LATE_CHARGE_REFUND_REASON));
        }
    }

    @CommandHandler
    void handle(RecordPaymentDeclinedCommand command) {
        if (hasBeenCharged()) {
            throw new PaymentAlreadyChargedException(paymentId, status);
        }
        if (isAwaitingCharge()) {
            apply(new PaymentDeclinedEvent(paymentId, orderId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordPaymentFailedCommand command) {
        if (hasBeenCharged()) {
            throw new PaymentAlreadyChargedException(paymentId, status);
        }
        if (isAwaitingCharge()) {
            apply(new PaymentFailedEvent(paymentId, orderId, command.reason()));
        }
        if (mayHoldUnrecordedCharge()) {
            apply(new ChargeReversalRequestedEvent(paymentId, orderId));
        }
    }

    @CommandHandler
    void handle(RecordChargeReversedCommand command) {
        if (!chargeReversalRequested) {
            throw new ChargeReversalNotRequestedException(paymentId, status);
        }
        if (!chargeReversed) {
            apply(new ChargeReversedEvent(paymentId, orderId, command.pspTransactionId(), command.pspRefundId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CancelPaymentCommand command) {
        if (status == null) {
            apply(new PaymentCancelledEvent(command.paymentId(), command.orderId(), command.reason()));
        } else if (isAwaitingCharge()) {
            apply(new PaymentCancelledEvent(paymentId, orderId, command.reason()));
        } else if (isCharged()) {
            apply(new RefundRequestedEvent(paymentId, orderId, amount, pspTransactionId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RequestRefundCommand command) {
        if (isRefundRequestedOrDone()) {
            return;
        }
        if (!isCharged()) {
            throw new PaymentNotRefundableException(paymentId, status);
        }
        apply(new RefundRequestedEvent(paymentId, orderId, amount, pspTransactionId, command.reason()));
    }

    @CommandHandler
    void handle(RecordRefundCompletedCommand command) {
        if (isRefunded()) {
            return;
        }
        if (!isRefundRequested()) {
            throw new RefundNotRequestedException(paymentId, status);
        }
        apply(new PaymentRefundedEvent(paymentId, orderId, amount, command.pspRefundId()));
    }

    private static boolean isPositive(Money amount) {
        return amount != null && amount.amount().signum() > 0;
    }

    private boolean isAwaitingCharge() {
        return status == PaymentStatus.REQUESTED;
    }

    private boolean isCharged() {
        return status == PaymentStatus.CHARGED;
    }

    private boolean hasBeenCharged() {
        return isCharged() || isRefundRequestedOrDone();
    }

    private boolean wasRefusedByProvider() {
        return status == PaymentStatus.DECLINED || status == PaymentStatus.FAILED;
    }

    /** Failed or abandoned with no charge recorded, and no reversal asked for yet: the provider may hold money. */
    private boolean mayHoldUnrecordedCharge() {
        return (status == PaymentStatus.FAILED || isCancelled()) && !chargeReversalRequested;
    }

    private boolean isCancelled() {
        return status == PaymentStatus.CANCELLED;
    }

    private boolean isRefundRequested() {
        return status == PaymentStatus.REFUND_REQUESTED;
    }

    private boolean isRefunded() {
        return status == PaymentStatus.REFUNDED;
    }

    private boolean isRefundRequestedOrDone() {
        return isRefundRequested() || isRefunded();
    }

    @EventSourcingHandler
    void on(PaymentRequestedEvent event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        amount = event.amount();
        status = PaymentStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(PaymentChargedEvent event) {
        status = PaymentStatus.CHARGED;
        pspTransactionId = event.pspTransactionId();
    }

    @EventSourcingHandler
    void on(PaymentDeclinedEvent event) {
        status = PaymentStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(PaymentFailedEvent event) {
        status = PaymentStatus.FAILED;
    }

    @EventSourcingHandler
    void on(PaymentCancelledEvent event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        status = PaymentStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ChargeReversalRequestedEvent event) {
        chargeReversalRequested = true;
    }

    @EventSourcingHandler
    void on(ChargeReversedEvent event) {
        chargeReversed = true;
    }

    @EventSourcingHandler
    void on(RefundRequestedEvent event) {
        status = PaymentStatus.REFUND_REQUESTED;
    }

    @EventSourcingHandler
    void on(PaymentRefundedEvent event) {
        status = PaymentStatus.REFUNDED;
    }
}
