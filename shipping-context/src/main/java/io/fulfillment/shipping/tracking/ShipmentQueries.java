package io.fulfillment.shipping.tracking;

import io.fulfillment.contracts.shipping.FindShipmentByOrderQuery;
import io.fulfillment.contracts.shipping.FindShipmentQuery;
import io.fulfillment.contracts.shipping.ShipmentView;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Answers questions about shipments from the read model, always by {@code _id}. */
@Component
class ShipmentQueries {

    private final MongoTemplate mongo;

    ShipmentQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    ShipmentView handle(FindShipmentQuery query) {
        return find(query.shipmentId().value()).orElseThrow(() -> ShipmentNotFoundException.withId(query.shipmentId()));
    }

    @QueryHandler
    ShipmentView handle(FindShipmentByOrderQuery query) {
        return Optional.ofNullable(mongo.findById(query.orderId().value(), ShipmentByOrderDocument.class))
                .flatMap(byOrder -> find(byOrder.shipmentId()))
                .orElseThrow(() -> ShipmentNotFoundException.forOrder(query.orderId()));
    }

    private Optional<ShipmentView> find(String shipmentId) {
        return Optional.ofNullable(mongo.findById(shipmentId, ShipmentDocument.class))
                .map(ShipmentDocument::toView);
    }
}
