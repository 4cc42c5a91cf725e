package io.fulfillment.payment.view;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which payment belongs to an order, keyed by the order id so the lookup is by {@code _id}. */
@Document(OrderPaymentDocument.COLLECTION)
record OrderPaymentDocument(@Id String orderId, String paymentId) {

    static final String COLLECTION = "paymentsByOrder";
}
