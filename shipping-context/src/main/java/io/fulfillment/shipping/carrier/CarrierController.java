package io.fulfillment.shipping.carrier;

import io.fulfillment.contracts.shipping.DeliverShipmentCommand;
import io.fulfillment.contracts.shipping.DispatchShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentId;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The carrier reports that it picked up a shipment or delivered it. Repeated reports are accepted and change nothing;
 * reports the shipment's state refuses are 409 problems, unknown shipments 404.
 */
@RestController
@RequestMapping("/shipments")
@Validated
class CarrierController {

    private final CommandGateway commands;

    CarrierController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/{shipmentId}/dispatch")
    CompletableFuture<ResponseEntity<ShipmentAccepted>> dispatch(
            @PathVariable @Size(max = ShipmentId.MAX_LENGTH) String shipmentId) {
        ShipmentId id = ShipmentId.of(shipmentId);
        return commands.send(new DispatchShipmentCommand(id)).thenApply(ignored -> accepted(id, "DISPATCH_ACCEPTED"));
    }

    @PostMapping("/{shipmentId}/deliver")
    CompletableFuture<ResponseEntity<ShipmentAccepted>> deliver(
            @PathVariable @Size(max = ShipmentId.MAX_LENGTH) String shipmentId) {
        ShipmentId id = ShipmentId.of(shipmentId);
        return commands.send(new DeliverShipmentCommand(id)).thenApply(ignored -> accepted(id, "DELIVERY_ACCEPTED"));
    }

    private static ResponseEntity<ShipmentAccepted> accepted(ShipmentId shipmentId, String status) {
        return ResponseEntity.accepted()
                .location(URI.create("/shipments/" + shipmentId))
                .body(new ShipmentAccepted(shipmentId.toString(), status));
    }
}
