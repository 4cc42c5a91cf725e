package io.fulfillment.inventory.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.contracts.inventory.FindProductQuery;
import io.fulfillment.contracts.inventory.FindProductsQuery;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductRegisteredEvent;
import io.fulfillment.contracts.inventory.ProductRestockedEvent;
import io.fulfillment.contracts.inventory.ProductView;
import io.fulfillment.contracts.inventory.StockCommittedEvent;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The projection against the embedded MongoDB wire server (in memory), calling the handlers the way a processor would. */
class CatalogueProjectionTest {

    private static final ProductId KEYBOARD = ProductId.of("keyboard");
    private static final ProductId MOUSE = ProductId.of("mouse");
    private static final Money KEYBOARD_PRICE = Money.of("89.90", "EUR");
    private static final OrderId ALICES_ORDER = OrderId.of("order-alice");
    private static final OrderId BOBS_ORDER = OrderId.of("order-bob");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private CatalogueProjection projection;
    private CatalogueQueryHandler queries;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(H2Backend.inMemory());
        String address = server.bindAndGetConnectionString();
        client = MongoClients.create(address);
        mongo = new MongoTemplate(client, "catalogue-test");
        projection = new CatalogueProjection(mongo, new MongoBatchWriter(mongo));
        queries = new CatalogueQueryHandler(mongo);
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void followsAProductThroughItsLifecycle() {
        applyKeyboardHistory();

        assertThat(keyboard()).isEqualTo(new ProductView(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 18, 0, 2));
        assertThat(mongo.findById(KEYBOARD.value(), CatalogueEntry.class).lastSequence())
                .isEqualTo(6);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        applyKeyboardHistory();
        ProductView once = keyboard();

        applyKeyboardHistory();

        assertThat(keyboard()).isEqualTo(once);
    }

    @Test
    void anOlderEventArrivingLateChangesNothing() {
        projection.on(new ProductRegisteredEvent(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 10), 0);
        projection.on(new ProductRestockedEvent(KEYBOARD, 5), 2);

        projection.on(new ProductRestockedEvent(KEYBOARD, 5), 1);

        assertThat(keyboard().available()).isEqualTo(15);
    }

    @Test
    void aRepeatedRegistrationKeepsTheStockLevels() {
        projection.on(new ProductRegisteredEvent(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 10), 0);
        projection.on(new StockReservedEvent(KEYBOARD, ALICES_ORDER, 4), 1);

        projection.on(new ProductRegisteredEvent(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 10), 0);

        assertThat(keyboard().available()).isEqualTo(6);
        assertThat(keyboard().reserved()).isEqualTo(4);
    }

    @Test
    void writesABatchOfEventsWhenItCommits() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        projection.on(new ProductRegisteredEvent(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 10), 0);
        projection.on(new ProductRestockedEvent(KEYBOARD, 5), 1);
        projection.on(new ProductRestockedEvent(KEYBOARD, 5), 1);

        assertThat(mongo.findById(KEYBOARD.value(), CatalogueEntry.class)).isNull();
        batch.commit();

        assertThat(keyboard().available()).isEqualTo(15);
    }

    @Test
    void writesNothingWhenTheBatchRollsBack() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        projection.on(new ProductRegisteredEvent(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 10), 0);

        batch.rollback();

        assertThat(mongo.findById(KEYBOARD.value(), CatalogueEntry.class)).isNull();
    }

    @Test
    void resetEmptiesTheCatalogueForAReplay() {
        applyKeyboardHistory();

        projection.reset();
        applyKeyboardHistory();

        assertThat(keyboard()).isEqualTo(new ProductView(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 18, 0, 2));
    }

    @Test
    void listsTheWholeCatalogueByName() {
        projection.on(new ProductRegisteredEvent(MOUSE, "Mouse", Money.of("19.90", "EUR"), 5), 0);
        projection.on(new ProductRegisteredEvent(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 10), 0);

        assertThat(queries.handle(FindProductsQuery.all()).products())
                .extracting(ProductView::name)
                .containsExactly("Keyboard", "Mouse");
    }

    @Test
    void answersOnlyTheAskedProductsThatExist() {
        projection.on(new ProductRegisteredEvent(MOUSE, "Mouse", Money.of("19.90", "EUR"), 5), 0);
        projection.on(new ProductRegisteredEvent(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 10), 0);

        List<ProductView> found = queries.handle(new FindProductsQuery(List.of(MOUSE, ProductId.of("unknown"), MOUSE)))
                .products();

        assertThat(found).extracting(ProductView::productId).containsExactly(MOUSE);
    }

    @Test
    void refusesAnUnknownProduct() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> queries.handle(new FindProductQuery(ProductId.of("unknown"))))
                .isInstanceOf(ProductNotFoundException.class)
                .hasMessageContaining("unknown");
    }

    private void applyKeyboardHistory() {
        projection.on(new ProductRegisteredEvent(KEYBOARD, "Keyboard", KEYBOARD_PRICE, 10), 0);
        projection.on(new ProductRestockedEvent(KEYBOARD, 10), 1);
        projection.on(new StockReservedEvent(KEYBOARD, ALICES_ORDER, 2), 2);
        projection.on(new StockReservedEvent(KEYBOARD, BOBS_ORDER, 3), 3);
        projection.on(new StockReservationRejectedEvent(KEYBOARD, OrderId.of("order-greedy"), 99, 15), 4);
        projection.on(new StockReleasedEvent(KEYBOARD, BOBS_ORDER, 3), 5);
        projection.on(new StockCommittedEvent(KEYBOARD, ALICES_ORDER, 2), 6);
    }

    private ProductView keyboard() {
        return queries.handle(new FindProductQuery(KEYBOARD));
    }
}
