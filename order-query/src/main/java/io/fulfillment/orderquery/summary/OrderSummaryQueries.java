package io.fulfillment.orderquery.summary;

import static io.fulfillment.orderquery.summary.OrderSummaryDocument.CUSTOMER_ID;
import static io.fulfillment.orderquery.summary.OrderSummaryDocument.PLACED_AT;
import static io.fulfillment.orderquery.summary.OrderSummaryDocument.STATUS;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.fulfillment.chassis.mongo.ReadModelGenerations;
import io.fulfillment.contracts.order.FindOrderSummaryQuery;
import io.fulfillment.contracts.order.FindOrdersQuery;
import io.fulfillment.contracts.order.OrderSummary;
import io.fulfillment.contracts.order.OrderSummaryPage;
import io.fulfillment.orderquery.OrderNotFoundException;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Answers summary queries from the {@code order-summary} read model, in the collection of its current generation: a
 * blue/green rebuild switches them from the complete old generation to the complete new one at once.
 */
@Component
class OrderSummaryQueries {

    static final int MAX_PAGE_SIZE = 100;

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc(PLACED_AT), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;
    private final ReadModelGenerations generations;

    OrderSummaryQueries(MongoTemplate mongo, ReadModelGenerations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    @QueryHandler
    OrderSummary handle(FindOrderSummaryQuery query) {
        OrderSummaryDocument document =
                mongo.findById(query.orderId().toString(), OrderSummaryDocument.class, collection());
        if (document == null) {
            throw new OrderNotFoundException(query.orderId());
        }
        return document.toSummary();
    }

    /** Filters other than {@code _id} scan the collection on the embedded MongoDB; real MongoDB can index them. */
    @QueryHandler
    OrderSummaryPage handle(FindOrdersQuery query) {
        if (query.page() < 0 || query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw new InvalidPageException(MAX_PAGE_SIZE);
        }
        Query filter = new Query();
        if (query.customerId() != null) {
            filter.addCriteria(where(CUSTOMER_ID).is(query.customerId().toString()));
        }
        if (query.status() != null) {
            filter.addCriteria(where(STATUS).is(query.status()));
        }
        String collection = collection();
        long totalItems = mongo.count(filter, OrderSummaryDocument.class, collection);
        List<OrderSummary> items = mongo
                .find(
                        Query.of(filter).with(PageRequest.of(query.page(), query.size(), NEWEST_FIRST)),
                        OrderSummaryDocument.class,
                        collection)
                .stream()
                .map(OrderSummaryDocument::toSummary)
                .toList();
        return new OrderSummaryPage(items, query.page(), query.size(), totalItems);
    }

    private String collection() {
        return generations.collectionOf(OrderSummaryProjection.PROCESSING_GROUP, OrderSummaryDocument.class);
    }
}
