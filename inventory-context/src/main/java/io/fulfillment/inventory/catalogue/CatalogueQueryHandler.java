package io.fulfillment.inventory.catalogue;

import static io.fulfillment.inventory.catalogue.CatalogueEntry.NAME;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.fulfillment.contracts.inventory.FindProductQuery;
import io.fulfillment.contracts.inventory.FindProductsQuery;
import io.fulfillment.contracts.inventory.ProductCatalogue;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductView;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers catalogue queries from the read model; lookups go by {@code _id}, the one index every MongoDB has. */
@Component
class CatalogueQueryHandler {

    private final MongoTemplate mongo;

    CatalogueQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    ProductView handle(FindProductQuery query) {
        CatalogueEntry entry = mongo.findById(query.productId().value(), CatalogueEntry.class);
        if (entry == null) {
            throw new ProductNotFoundException(query.productId());
        }
        return entry.toView();
    }

    /**
     * The whole catalogue sorted by name when no ids are given; otherwise the listed products that exist, in the order
     * asked, fetched in one round trip. An unknown id is simply absent from the answer.
     */
    @QueryHandler
    ProductCatalogue handle(FindProductsQuery query) {
        List<ProductId> asked = query.productIds() == null ? List.of() : query.productIds();
        if (asked.isEmpty()) {
            Query everything = new Query().with(Sort.by(NAME).and(Sort.by("_id")));
            return new ProductCatalogue(mongo.find(everything, CatalogueEntry.class).stream()
                    .map(CatalogueEntry::toView)
                    .toList());
        }
        List<String> ids = asked.stream()
                .filter(Objects::nonNull)
                .map(ProductId::value)
                .distinct()
                .toList();
        Map<String, CatalogueEntry> found = mongo.find(Query.query(where("_id").in(ids)), CatalogueEntry.class).stream()
                .collect(Collectors.toMap(CatalogueEntry::id, Function.identity()));
        return new ProductCatalogue(ids.stream()
                .filter(found::containsKey)
                .map(id -> found.get(id).toView())
                .toList());
    }
}
