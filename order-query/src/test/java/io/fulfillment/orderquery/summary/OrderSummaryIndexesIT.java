package io.fulfillment.orderquery.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.chassis.mongo.ReadModelIndexes;
import io.fulfillment.orderquery.testapp.OrderQueryContextTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The indexes of the order lists exist once the application has started, on the embedded MongoDB-wire server too. */
@OrderQueryContextTest
class OrderSummaryIndexesIT {

    private static final Map<String, String> ORDER_LIST_INDEXES = Map.of(
            "_id_", "_id:ASC",
            "customer_newest_first", "customerId:ASC, placedAt:DESC, _id:ASC",
            "status_newest_first", "status:ASC, placedAt:DESC, _id:ASC",
            "newest_first", "placedAt:DESC, _id:ASC");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReadModelIndexes orderSummaryReadModelIndexes;

    @Test
    void existOnTheOrderSummariesAfterStartUp() {
        assertThat(indexesOf(OrderSummaryDocument.COLLECTION)).isEqualTo(ORDER_LIST_INDEXES);
    }

    @Test
    void canBeCreatedOnAnotherCollectionOfTheReadModel() {
        String rebuilt = OrderSummaryDocument.COLLECTION + "_"
                + UUID.randomUUID().toString().substring(0, 8);

        orderSummaryReadModelIndexes.ensureOn(rebuilt);
        orderSummaryReadModelIndexes.ensureOn(rebuilt);

        assertThat(indexesOf(rebuilt)).isEqualTo(ORDER_LIST_INDEXES);
        mongo.dropCollection(rebuilt);
    }

    private Map<String, String> indexesOf(String collection) {
        Map<String, String> indexes = new LinkedHashMap<>();
        for (IndexInfo index : mongo.indexOps(collection).getIndexInfo()) {
            indexes.put(
                    index.getName(),
                    index.getIndexFields().stream()
                            .map(OrderSummaryIndexesIT::describe)
                            .collect(Collectors.joining(", ")));
        }
        return indexes;
    }

    private static String describe(IndexField field) {
        return field.getKey() + ":" + (field.getDirection() == Direction.DESC ? "DESC" : "ASC");
    }
}
