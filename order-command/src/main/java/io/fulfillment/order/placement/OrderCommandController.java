package io.fulfillment.order.placement;

import io.fulfillment.contracts.order.CancelOrderCommand;
import io.fulfillment.contracts.order.OrderId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The order command API: place an order, cancel it. Both are accepted (202) and followed on the query side. */
@RestController
@RequestMapping("/orders")
@Validated
class OrderCommandController {

    private static final String DEFAULT_CANCEL_REASON = "cancelled by the customer";

    private final OrderPlacement placement;
    private final CommandGateway commands;

    OrderCommandController(OrderPlacement placement, CommandGateway commands) {
        this.placement = placement;
        this.commands = commands;
    }

    @PostMapping
    CompletableFuture<ResponseEntity<OrderAccepted>> place(
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 128)
                    String idempotencyKey) {
        return placement.place(request, idempotencyKey).thenApply(orderId -> accepted(orderId, "PLACED"));
    }

    @PostMapping("/{orderId}/cancel")
    CompletableFuture<ResponseEntity<OrderAccepted>> cancel(
            @PathVariable @Size(max = 64) String orderId,
            @Valid @RequestBody(required = false) CancelOrderRequest request) {
        OrderId id = OrderId.of(orderId);
        String reason =
                request == null || request.reason() == null || request.reason().isBlank()
                        ? DEFAULT_CANCEL_REASON
                        : request.reason();
        return commands.send(new CancelOrderCommand(id, reason))
                .thenApply(ignored -> accepted(id, "CANCELLATION_ACCEPTED"));
    }

    private static ResponseEntity<OrderAccepted> accepted(OrderId orderId, String status) {
        return ResponseEntity.accepted()
                .location(URI.create("/orders/" + orderId))
                .body(new OrderAccepted(orderId.toString(), status));
    }
}
