package io.fulfillment.shipping.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The shipment view is read only by {@code _id}: a shipment by its id, and by its order through {@code shipmentsByOrder},
 * keyed by the order id. MongoDB's own {@code _id} index serves both, so neither document declares another index;
 * one declared here would be written on every projection update without any query using it.
 */
class ShipmentViewIndexesTest {

    private final MongoPersistentEntityIndexResolver indexes =
            new MongoPersistentEntityIndexResolver(new MongoMappingContext());

    @Test
    void needsNoIndexBesidesTheIdForEitherLookup() {
        assertThat(indexes.resolveIndexFor(ShipmentDocument.class)).isEmpty();
        assertThat(indexes.resolveIndexFor(ShipmentByOrderDocument.class)).isEmpty();
    }
}
