package io.fulfillment.inventory.stock;

import static io.fulfillment.inventory.stock.ProductFixtures.ALICES_ORDER;
import static io.fulfillment.inventory.stock.ProductFixtures.BOBS_ORDER;
import static io.fulfillment.inventory.stock.ProductFixtures.DELIVERY_SIZE;
import static io.fulfillment.inventory.stock.ProductFixtures.FEW_UNITS;
import static io.fulfillment.inventory.stock.ProductFixtures.INITIAL_STOCK;
import static io.fulfillment.inventory.stock.ProductFixtures.committed;
import static io.fulfillment.inventory.stock.ProductFixtures.keyboardRegistered;
import static io.fulfillment.inventory.stock.ProductFixtures.reserve;
import static io.fulfillment.inventory.stock.ProductFixtures.reserved;
import static io.fulfillment.inventory.stock.ProductFixtures.restocked;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Snapshots are the aggregate itself, written with the Jackson serializer every Axon serializer uses here. */
class ProductSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void restoresStockLevelsAndReservationsFromASnapshot() {
        Product product = new Product();
        product.on(keyboardRegistered());
        product.on(restocked(DELIVERY_SIZE));
        product.on(reserved(ALICES_ORDER, FEW_UNITS));
        product.on(reserved(BOBS_ORDER, 4));
        product.on(committed(ALICES_ORDER, FEW_UNITS));

        SerializedObject<String> snapshot = serializer.serialize(product, String.class);
        Product restored = serializer.deserialize(snapshot);

        assertThat(restored.available()).isEqualTo(INITIAL_STOCK + DELIVERY_SIZE - FEW_UNITS - 4);
        assertThat(restored.reserved()).isEqualTo(4);
        assertThat(restored.shipped()).isEqualTo(FEW_UNITS);
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
    }

    @Test
    void keepsReservationsKeyedByOrderAcrossASnapshot() {
        Product product = new Product();
        product.on(keyboardRegistered());
        product.on(reserved(ALICES_ORDER, FEW_UNITS));
        Product restored = serializer.deserialize(serializer.serialize(product, String.class));

        new AggregateTestFixture<>(Product.class)
                .givenState(() -> restored)
                .when(reserve(ALICES_ORDER, FEW_UNITS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
