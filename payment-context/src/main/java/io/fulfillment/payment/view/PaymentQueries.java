package io.fulfillment.payment.view;

import io.fulfillment.contracts.payment.FindPaymentByOrderQuery;
import io.fulfillment.contracts.payment.FindPaymentQuery;
import io.fulfillment.contracts.payment.PaymentView;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Answers payment queries from the {@code payment-view} read model, by {@code _id} only. */
@Component
class PaymentQueries {

    private final MongoTemplate mongo;

    PaymentQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    PaymentView handle(FindPaymentQuery query) {
        return payment(query.paymentId().toString())
                .orElseThrow(() -> new PaymentNotFoundException("no payment " + query.paymentId()));
    }

    @QueryHandler
    PaymentView handle(FindPaymentByOrderQuery query) {
        return Optional.ofNullable(mongo.findById(query.orderId().toString(), OrderPaymentDocument.class))
                .flatMap(link -> payment(link.paymentId()))
                .orElseThrow(() -> new PaymentNotFoundException("no payment for order " + query.orderId()));
    }

    private Optional<PaymentView> payment(String paymentId) {
        return Optional.ofNullable(mongo.findById(paymentId, PaymentDocument.class))
                .map(PaymentDocument::toView);
    }
}
