package io.fulfillment.orderquery.summary;

import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.chassis.mongo.RebuildableReadModel;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The order summaries can be rebuilt blue/green ({@code POST /admin/read-models/order-summary/rebuild}): the list of
 * orders is what customers and the console page through, so it must never read empty while it is rebuilt.
 */
@Configuration(proxyBeanMethods = false)
class OrderSummaryReadModel {

    @Bean
    RebuildableReadModel orderSummaryRebuild(MongoTemplate mongo, MongoBatchWriter documents) {
        return new RebuildableReadModel(
                OrderSummaryProjection.PROCESSING_GROUP,
                List.of(OrderSummaryDocument.class),
                generation -> OrderSummaryProjection.rebuilding(generation, mongo, documents));
    }
}
