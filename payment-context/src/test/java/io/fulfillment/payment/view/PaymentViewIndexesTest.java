package io.fulfillment.payment.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The payment view is read only by {@code _id}: a payment by its id, and by its order through {@code paymentsByOrder},
 * keyed by the order id. MongoDB's own {@code _id} index serves both, so neither document declares another index;
 * one declared here would be written on every projection update without any query using it.
 */
class PaymentViewIndexesTest {

    private final MongoPersistentEntityIndexResolver indexes =
            new MongoPersistentEntityIndexResolver(new MongoMappingContext());

    @Test
    void needsNoIndexBesidesTheIdForEitherLookup() {
        assertThat(indexes.resolveIndexFor(PaymentDocument.class)).isEmpty();
        assertThat(indexes.resolveIndexFor(OrderPaymentDocument.class)).isEmpty();
    }
}
