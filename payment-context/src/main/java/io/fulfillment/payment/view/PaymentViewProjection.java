package io.fulfillment.payment.view;

import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.contracts.payment.PaymentCancelledEvent;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentRefundedEvent;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.PaymentStatus;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link PaymentDocument}s up to date. Replay-safe: the creation only inserts what is missing, and every later
 * change applies only to a document whose last applied sequence is older than the event's, so a redelivered or
 * replayed event changes nothing twice.
 *
 * <p>Documents are read, changed and written back through the {@link MongoBatchWriter}. A {@link PaymentDocument} is
 * changed only by its own payment's events, which the default sequencing policy (per aggregate) keeps in one segment;
 * an {@link OrderPaymentDocument} is only ever overwritten, never read here, so it needs no such guarantee.
 */
@Component
@ProcessingGroup("payment-view")
class PaymentViewProjection {

    private final MongoTemplate mongo;
    private final MongoBatchWriter documents;

    PaymentViewProjection(MongoTemplate mongo, MongoBatchWriter documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    @EventHandler
    void on(PaymentRequestedEvent event, @SequenceNumber long sequence) {
        String paymentId = event.paymentId().toString();
        if (documents.load(PaymentDocument.class, paymentId).isEmpty()) {
            documents.save(new PaymentDocument(
                    paymentId,
                    event.orderId().toString(),
                    event.amount().amount().toPlainString(),
                    event.amount().currency(),
                    PaymentStatus.REQUESTED,
                    null,
                    null,
                    sequence));
        }
        documents.save(new OrderPaymentDocument(event.orderId().toString(), paymentId));
    }

    @EventHandler
    void on(PaymentChargedEvent event, @SequenceNumber long sequence) {
        change(event.paymentId(), sequence, payment -> payment.charged(event.pspTransactionId(), sequence));
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, @SequenceNumber long sequence) {
        apply(event.paymentId(), sequence, PaymentStatus.DECLINED, event.reason());
    }

    @EventHandler
    void on(PaymentFailedEvent event, @SequenceNumber long sequence) {
        apply(event.paymentId(), sequence, PaymentStatus.FAILED, event.reason().name());
    }

    @EventHandler
    void on(PaymentCancelledEvent event, @SequenceNumber long sequence) {
        apply(event.paymentId(), sequence, PaymentStatus.CANCELLED, event.reason());
    }

    @EventHandler
    void on(RefundRequestedEvent event, @SequenceNumber long sequence) {
        apply(event.paymentId(), sequence, PaymentStatus.REFUND_REQUESTED, event.reason());
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @SequenceNumber long sequence) {
        apply(event.paymentId(), sequence, PaymentStatus.REFUNDED, null);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), PaymentDocument.class);
        mongo.remove(new Query(), OrderPaymentDocument.class);
        documents.forgetAll(PaymentDocument.class);
        documents.forgetAll(OrderPaymentDocument.class);
    }

    private void apply(PaymentId paymentId, long sequence, PaymentStatus status, String reason) {
        change(paymentId, sequence, payment -> payment.moveTo(status, reason, sequence));
    }

    /** Changes a known payment, unless the event at {@code sequence} has been applied to it already. */
    private void change(PaymentId paymentId, long sequence, UnaryOperator<PaymentDocument> change) {
        documents
                .load(PaymentDocument.class, paymentId.toString())
                .filter(payment -> !payment.hasApplied(sequence))
                .map(change)
                .ifPresent(documents::save);
    }
}
