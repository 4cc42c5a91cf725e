package io.fulfillment.orderquery.summary;

import io.fulfillment.chassis.mongo.ReadModelGenerations;
import io.fulfillment.chassis.mongo.ReadModelIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Creates the order lists' indexes, declared on {@link OrderSummaryDocument}, at start-up on the collection queries read:
 * that of the current generation, once a blue/green rebuild has switched ({@link OrderSummaryReadModel}).
 */
@Configuration(proxyBeanMethods = false)
class OrderSummaryIndexes {

    @Bean
    ReadModelIndexes orderSummaryReadModelIndexes(MongoOperations mongo, ReadModelGenerations generations) {
        return new ReadModelIndexes(
                mongo,
                OrderSummaryDocument.class,
                () -> generations.collectionOf(OrderSummaryProjection.PROCESSING_GROUP, OrderSummaryDocument.class));
    }
}
