package io.fulfillment.inventory.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.inventory.FindProductsQuery;
import io.fulfillment.contracts.inventory.ProductCatalogue;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductView;
import io.fulfillment.contracts.inventory.ReleaseStockCommand;
import io.fulfillment.contracts.inventory.ReserveStockCommand;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.ShipmentDispatchedEvent;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@SpringBootTest(classes = InventoryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryIT {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(15);
    private static final List<String> DEMO_PRODUCTS =
            List.of("keyboard", "mouse", "monitor", "usb-cable", "laptop-stand");

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    QueryGateway queryGateway;

    @Autowired
    EventGateway eventGateway;

    @BeforeAll
    void demoCatalogueIsProjected() {
        await().atMost(PROJECTION_LAG).until(() -> catalogueIds().containsAll(DEMO_PRODUCTS));
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void indexesTheCatalogueByNameForTheSortedListAtStartUp() {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        for (IndexInfo index : mongo.indexOps("inventory_catalogue").getIndexInfo()) {
            indexes.put(
                    index.getName(),
                    index.getIndexFields().stream()
                            .map(field -> field.getKey() + ":" + field.getDirection())
                            .toList());
        }

        assertThat(indexes)
                .containsOnly(
                        Map.entry("_id_", List.of("_id:ASC")), Map.entry("by_name", List.of("name:ASC", "_id:ASC")));
    }

    @Test
    void startsWithTheDemoCatalogueSortedByName() {
        ResponseEntity<ProductCatalogue> catalogue = http.getForEntity("/products", ProductCatalogue.class);

        assertThat(catalogue.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<ProductView> products = catalogue.getBody().products();
        assertThat(products).extracting(ProductView::name).isSorted();
        assertThat(products)
                .filteredOn(product -> product.productId().value().equals("keyboard"))
                .singleElement()
                .satisfies(keyboard -> {
                    assertThat(keyboard.name()).isEqualTo("Mechanical keyboard");
                    assertThat(keyboard.unitPrice()).isEqualTo(Money.of("89.90", "EUR"));
                });
    }

    @Test
    void registeredProductAppearsInTheCatalogue() {
        String id = uniqueId("desk-lamp");

        ResponseEntity<Void> accepted = register(id, "Desk lamp", "24.50", "EUR", 40);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getLocation()).hasToString("/products/" + id);
        ProductView lamp = awaitProduct(id, view -> true);
        assertThat(lamp).isEqualTo(new ProductView(ProductId.of(id), "Desk lamp", Money.of("24.50", "EUR"), 40, 0, 0));
    }

    @Test
    void registrationWithoutIdGetsOne() {
        ResponseEntity<Void> accepted = http.postForEntity(
                "/products",
                json(Map.of("name", "Webcam", "unitPrice", price("59.00", "EUR"), "initialStock", 5)),
                Void.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/products/");
        String id = location.substring("/products/".length());
        assertThat(awaitProduct(id, view -> true).name()).isEqualTo("Webcam");
    }

    @Test
    void restockingAddsAvailableUnits() {
        String id = registered("headset", 10);

        ResponseEntity<Void> accepted =
                http.postForEntity("/products/" + id + "/restock", json(Map.of("quantity", 15)), Void.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getLocation()).hasToString("/products/" + id);
        awaitProduct(id, view -> view.available() == 25);
    }

    @Test
    void reservationsAndReleasesMoveUnitsBetweenAvailableAndReserved() {
        String id = registered("docking-station", 10);
        OrderId order = OrderId.of(uniqueId("order"));

        commandGateway.sendAndWait(new ReserveStockCommand(ProductId.of(id), order, 4));
        awaitProduct(id, view -> view.available() == 6 && view.reserved() == 4);

        commandGateway.sendAndWait(new ReleaseStockCommand(ProductId.of(id), order));
        awaitProduct(id, view -> view.available() == 10 && view.reserved() == 0);
    }

    @Test
    void dispatchedShipmentCommitsTheReservedStock() {
        String id = registered("speaker", 10);
        OrderId order = OrderId.of(uniqueId("order"));
        commandGateway.sendAndWait(new ReserveStockCommand(ProductId.of(id), order, 3));

        eventGateway.publish(new ShipmentDispatchedEvent(
                ShipmentId.of(uniqueId("shipment")), order, List.of(new ShipmentItem(ProductId.of(id), 3))));

        ProductView shipped = awaitProduct(id, view -> view.shipped() == 3);
        assertThat(shipped.available()).isEqualTo(7);
        assertThat(shipped.reserved()).isZero();
    }

    @Test
    void shipmentOfAnUnknownProductIsParkedAsADeadLetter(@Autowired EventProcessingConfiguration processing) {
        OrderId order = OrderId.of(uniqueId("order"));
        SequencedDeadLetterQueue<EventMessage<?>> deadLetters =
                processing.deadLetterQueue("inventory-shipment-policy").orElseThrow();

        eventGateway.publish(new ShipmentDispatchedEvent(
                ShipmentId.of(uniqueId("shipment")),
                order,
                List.of(new ShipmentItem(ProductId.of(uniqueId("never-registered")), 1))));

        await().atMost(PROJECTION_LAG)
                .until(() -> StreamSupport.stream(deadLetters.deadLetters().spliterator(), false)
                        .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                        .anyMatch(letter -> letter.message().getPayload() instanceof ShipmentDispatchedEvent dispatched
                                && dispatched.orderId().equals(order)));
    }

    @Test
    void replayRebuildsTheSameCatalogue(@Autowired EventProcessingConfiguration processing) {
        String id = registered("replayed", 10);
        commandGateway.sendAndWait(new ReserveStockCommand(ProductId.of(id), OrderId.of(uniqueId("order")), 4));
        awaitProduct(id, view -> view.reserved() == 4);
        List<ProductView> before =
                http.getForObject("/products", ProductCatalogue.class).products();
        StreamingEventProcessor catalogue = processing
                .eventProcessor("inventory-catalogue", StreamingEventProcessor.class)
                .orElseThrow();

        catalogue.shutDown();
        catalogue.resetTokens();
        catalogue.start();

        await().atMost(PROJECTION_LAG)
                .until(
                        () -> http.getForObject("/products", ProductCatalogue.class)
                                .products(),
                        before::equals);
    }

    @Test
    void findProductsAnswersOnlyTheKnownIdsInTheOrderAsked() {
        String first = registered("cable-a", 1);
        String second = registered("cable-b", 2);

        ProductCatalogue answer = queryGateway
                .query(
                        new FindProductsQuery(
                                List.of(ProductId.of(second), ProductId.of(uniqueId("unknown")), ProductId.of(first))),
                        ProductCatalogue.class)
                .join();

        assertThat(answer.products())
                .extracting(view -> view.productId().value())
                .containsExactly(second, first);
    }

    @Nested
    class Refusals {

        @Test
        void unknownProductIsNotFound() {
            ResponseEntity<JsonNode> problem = http.getForEntity("/products/" + uniqueId("nope"), JsonNode.class);

            assertProblem(problem, HttpStatus.NOT_FOUND);
            assertThat(problem.getBody().path("code").asText()).isEqualTo("inventory.product-not-found");
        }

        @Test
        void restockingAnUnknownProductIsNotFound() {
            ResponseEntity<JsonNode> problem = http.postForEntity(
                    "/products/" + uniqueId("nope") + "/restock", json(Map.of("quantity", 5)), JsonNode.class);

            assertProblem(problem, HttpStatus.NOT_FOUND);
        }

        @Test
        void registeringAnExistingIdIsConflict() {
            String id = registered("chair", 3);

            ResponseEntity<JsonNode> problem = http.postForEntity(
                    "/products",
                    json(Map.of("id", id, "name", "Other chair", "unitPrice", price("1.00", "EUR"), "initialStock", 1)),
                    JsonNode.class);

            assertProblem(problem, HttpStatus.CONFLICT);
            assertThat(problem.getBody().path("code").asText()).isEqualTo("inventory.product-already-registered");
            assertThat(awaitProduct(id, view -> true).name()).isEqualTo("chair");
        }

        @Test
        void unknownCurrencyNamesTheField() {
            assertBadRequest(registration("ABC", "10.00"), "unitPrice.currency");
        }

        @Test
        void lowerCaseCurrencyNamesTheField() {
            assertBadRequest(registration("eur", "10.00"), "unitPrice.currency");
        }

        @Test
        void threeDecimalsNameTheAmount() {
            assertBadRequest(registration("EUR", "10.001"), "unitPrice.amount");
        }

        @Test
        void decimalsInACurrencyWithoutMinorUnitNameTheAmount() {
            assertBadRequest(registration("JPY", "10.5"), "unitPrice.amount");
        }

        @Test
        void zeroAmountNamesTheAmount() {
            assertBadRequest(registration("EUR", "0"), "unitPrice.amount");
        }

        @Test
        void blankNameAndNegativeStockAreNamed() {
            ResponseEntity<JsonNode> problem = http.postForEntity(
                    "/products",
                    json(Map.of("name", " ", "unitPrice", price("1.00", "EUR"), "initialStock", -1)),
                    JsonNode.class);

            assertBadRequest(problem, "name");
            assertThat(fields(problem)).contains("initialStock");
        }

        @Test
        void idThatDoesNotFitInAUrlIsRefused() {
            ResponseEntity<JsonNode> problem = http.postForEntity(
                    "/products",
                    json(Map.of(
                            "id",
                            "has spaces/slash",
                            "name",
                            "x",
                            "unitPrice",
                            price("1.00", "EUR"),
                            "initialStock",
                            1)),
                    JsonNode.class);

            assertBadRequest(problem, "id");
        }

        @Test
        void restockBeyondTheLimitNamesTheQuantity() {
            ResponseEntity<JsonNode> problem = http.postForEntity(
                    "/products/keyboard/restock", json(Map.of("quantity", 1_000_001)), JsonNode.class);

            assertBadRequest(problem, "quantity");
        }

        @Test
        void malformedJsonIsBadRequest() {
            ResponseEntity<JsonNode> problem = http.postForEntity("/products", json("{\"name\": "), JsonNode.class);

            assertProblem(problem, HttpStatus.BAD_REQUEST);
        }

        private ResponseEntity<JsonNode> registration(String currency, String amount) {
            return http.postForEntity(
                    "/products",
                    json(Map.of("name", "Priced", "unitPrice", price(amount, currency), "initialStock", 1)),
                    JsonNode.class);
        }

        private void assertBadRequest(ResponseEntity<JsonNode> problem, String field) {
            assertProblem(problem, HttpStatus.BAD_REQUEST);
            assertThat(fields(problem)).contains(field);
        }

        private List<String> fields(ResponseEntity<JsonNode> problem) {
            return problem.getBody().path("errors").findValuesAsText("field");
        }

        private void assertProblem(ResponseEntity<JsonNode> problem, HttpStatus status) {
            assertThat(problem.getStatusCode()).isEqualTo(status);
            assertThat(problem.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(problem.getBody().path("status").asInt()).isEqualTo(status.value());
        }
    }

    private String registered(String name, int stock) {
        String id = uniqueId(name);
        assertThat(register(id, name, "10.00", "EUR", stock).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitProduct(id, view -> true);
        return id;
    }

    private ResponseEntity<Void> register(String id, String name, String amount, String currency, int stock) {
        return http.postForEntity(
                "/products",
                json(Map.of("id", id, "name", name, "unitPrice", price(amount, currency), "initialStock", stock)),
                Void.class);
    }

    private ProductView awaitProduct(String id, java.util.function.Predicate<ProductView> condition) {
        return await().atMost(PROJECTION_LAG)
                .until(
                        () -> {
                            ResponseEntity<ProductView> response =
                                    http.getForEntity("/products/" + id, ProductView.class);
                            return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
                        },
                        view -> view != null && condition.test(view));
    }

    private List<String> catalogueIds() {
        return http.getForObject("/products", ProductCatalogue.class).products().stream()
                .map(view -> view.productId().value())
                .toList();
    }

    private static Map<String, Object> price(String amount, String currency) {
        return Map.of("amount", new java.math.BigDecimal(amount), "currency", currency);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
