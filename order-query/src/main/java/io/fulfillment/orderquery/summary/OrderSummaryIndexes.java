package io.fulfillment.orderquery.summary;

import io.fulfillment.chassis.mongo.ReadModelIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** Creates the order lists' indexes, declared on {@link OrderSummaryDocument}, at start-up. */
@Configuration(proxyBeanMethods = false)
class OrderSummaryIndexes {

    @Bean
    ReadModelIndexes orderSummaryReadModelIndexes(MongoOperations mongo) {
        return new ReadModelIndexes(mongo, OrderSummaryDocument.class);
    }
}
