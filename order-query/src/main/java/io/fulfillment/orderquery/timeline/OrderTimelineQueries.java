package io.fulfillment.orderquery.timeline;

import io.fulfillment.contracts.order.FindOrderTimelineQuery;
import io.fulfillment.contracts.order.OrderTimeline;
import io.fulfillment.orderquery.OrderNotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Answers timeline queries from the {@code order-timeline} read model. */
@Component
class OrderTimelineQueries {

    private final MongoTemplate mongo;

    OrderTimelineQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    OrderTimeline handle(FindOrderTimelineQuery query) {
        OrderTimelineDocument document = mongo.findById(query.orderId().toString(), OrderTimelineDocument.class);
        if (document == null) {
            throw new OrderNotFoundException(query.orderId());
        }
        return document.toTimeline();
    }
}
