package io.fulfillment.shipping.tracking;

import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.FindShipmentByOrderQuery;
import io.fulfillment.contracts.shipping.FindShipmentQuery;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where a shipment stands, by its id or by the order it carries. Unknown shipments are 404 problems. */
@RestController
@RequestMapping("/shipments")
@Validated
class ShipmentQueryController {

    private final QueryGateway queries;

    ShipmentQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{shipmentId}")
    CompletableFuture<ShipmentView> byId(@PathVariable @Size(max = ShipmentId.MAX_LENGTH) String shipmentId) {
        return queries.query(new FindShipmentQuery(ShipmentId.of(shipmentId)), ShipmentView.class);
    }

    /** The order id is required: listing every shipment is not offered. */
    @GetMapping
    CompletableFuture<ShipmentView> byOrder(
            @RequestParam(required = false) @NotBlank @Size(max = OrderId.MAX_LENGTH) String orderId) {
        return queries.query(new FindShipmentByOrderQuery(OrderId.of(orderId)), ShipmentView.class);
    }
}
