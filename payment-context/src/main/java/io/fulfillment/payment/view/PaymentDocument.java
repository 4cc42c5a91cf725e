package io.fulfillment.payment.view;

import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentStatus;
import io.fulfillment.contracts.payment.PaymentView;
import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One payment; {@code sequence} is the last applied event's aggregate sequence number (the replay guard). */
@Document(PaymentDocument.COLLECTION)
record PaymentDocument(
        @Id String id,
        String orderId,
        String amount,
        String currency,
        PaymentStatus status,
        String pspTransactionId,
        String reason,
        long sequence) {

    static final String COLLECTION = "payments";

    /** Whether the payment's event at {@code sequence} is already reflected here (redelivered or replayed). */
    boolean hasApplied(long sequence) {
        return sequence <= this.sequence;
    }

    /** This payment in {@code newStatus} with {@code newReason} (possibly none) after its event at {@code sequence}. */
    PaymentDocument moveTo(PaymentStatus newStatus, String newReason, long sequence) {
        return new PaymentDocument(id, orderId, amount, currency, newStatus, pspTransactionId, newReason, sequence);
    }

    /** This payment charged by the provider under {@code transactionId}, after its event at {@code sequence}. */
    PaymentDocument charged(String transactionId, long sequence) {
        return new PaymentDocument(id, orderId, amount, currency, PaymentStatus.CHARGED, transactionId, null, sequence);
    }

    PaymentView toView() {
        return new PaymentView(
                PaymentId.of(id),
                OrderId.of(orderId),
                new Money(new BigDecimal(amount), currency),
                status,
                pspTransactionId,
                reason);
    }
}
