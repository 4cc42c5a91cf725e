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
