package io.fulfillment.payment.view;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fulfillment.contracts.payment.PaymentCancelledEvent;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentRefundedEvent;
import io.fulfillment.contracts.payment.PaymentRequestedEvent;
import io.fulfillment.contracts.payment.PaymentStatus;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link PaymentDocument}s up to date. Replay-safe: the creation only inserts what is missing, and every later
 * change applies only to a document whose last applied sequence is older than the event's, so a redelivered or
 * replayed event changes nothing twice.
 */
@Component
@ProcessingGroup("payment-view")
class PaymentViewProjection {

    private static final String ID = "_id";
    private static final String SEQUENCE = "sequence";
    private static final String STATUS = "status";
    private static final String REASON = "reason";

    private final MongoTemplate mongo;

    PaymentViewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PaymentRequestedEvent event, @SequenceNumber long sequence) {
        mongo.upsert(
                query(where(ID).is(event.paymentId().toString())),
                new Update()
                        .setOnInsert("orderId", event.orderId().toString())
                        .setOnInsert("amount", event.amount().amount().toPlainString())
                        .setOnInsert("currency", event.amount().currency())
                        .setOnInsert(STATUS, PaymentStatus.REQUESTED.name())
                        .setOnInsert(SEQUENCE, sequence),
                PaymentDocument.class);
        mongo.upsert(
                query(where(ID).is(event.orderId().toString())),
                new Update().set("paymentId", event.paymentId().toString()),
                OrderPaymentDocument.class);
    }

    @EventHandler
    void on(PaymentChargedEvent event, @SequenceNumber long sequence) {
        write(
                event.paymentId(),
                sequence,
                change(sequence, PaymentStatus.CHARGED, null).set("pspTransactionId", event.pspTransactionId()));
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, @SequenceNumber long sequence) {
        apply(event.paymentId(), sequence, PaymentStatus.DECLINED, event.reason());
    }

    @EventHandler
    void on(PaymentFailedEvent event, @SequenceNumber long sequence) {
        apply(event.paymentId(), sequence, PaymentStatus.FAILED, event.reason());
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
    }

    private void apply(PaymentId paymentId, long sequence, PaymentStatus status, String reason) {
        write(paymentId, sequence, change(sequence, status, reason));
    }

    private static Update change(long sequence, PaymentStatus status, String reason) {
        return new Update().set(STATUS, status.name()).set(REASON, reason).set(SEQUENCE, sequence);
    }

    private void write(PaymentId paymentId, long sequence, Update update) {
        mongo.updateFirst(
                query(where(ID).is(paymentId.toString()).and(SEQUENCE).lt(sequence)), update, PaymentDocument.class);
    }
}
