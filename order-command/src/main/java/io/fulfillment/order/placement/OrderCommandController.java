package io.fulfillment.order.placement;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.order.CancelOrderCommand;
import io.fulfillment.contracts.order.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

    /**
     * The customer the gateway authenticated (absent for staff); the gateway drops whatever a client sends under this
     * name, so it can be trusted behind it (ADR 0010).
     */
    static final String CALLER_CUSTOMER_HEADER = "X-Caller-Customer-Id";

    private final OrderPlacement placement;
    private final CommandGateway commands;

    OrderCommandController(OrderPlacement placement, CommandGateway commands) {
        this.placement = placement;
        this.commands = commands;
    }

    @Operation(
            summary = "Place an order",
            description = "Prices come from the catalogue. 202 once the order is stored: a cancel that follows sees it"
                    + " at once; reads of it may wait up to a moment for the read side (see GET /orders/{orderId})."
                    + " With an Idempotency-Key, the same request again answers the same order and creates nothing;"
                    + " a different request under a used key is refused with 422.")
    @PostMapping
    CompletableFuture<ResponseEntity<OrderAccepted>> place(
            @Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 128)
                    String idempotencyKey) {
        return placement.place(request, idempotencyKey).thenApply(orderId -> accepted(orderId, "PLACED"));
    }

    @Operation(
            summary = "Cancel an order",
            description = "Decided by the order itself, not by a read model: it works right after the 202 of the"
                    + " placement. A customer's cancel of an order that is not theirs is a 404.")
    @PostMapping("/{orderId}/cancel")
    CompletableFuture<ResponseEntity<OrderAccepted>> cancel(
            @PathVariable @Size(max = OrderId.MAX_LENGTH) String orderId,
            @Valid @RequestBody(required = false) CancelOrderRequest request,
            @Parameter(hidden = true)
                    @RequestHeader(name = CALLER_CUSTOMER_HEADER, required = false)
                    @Size(max = CustomerId.MAX_LENGTH)
                    String callerCustomerId) {
        OrderId id = OrderId.of(orderId);
        String reason =
                request == null || request.reason() == null || request.reason().isBlank()
                        ? DEFAULT_CANCEL_REASON
                        : request.reason();
        CustomerId requestedBy = callerCustomerId == null ? null : CustomerId.of(callerCustomerId);
        return commands.send(new CancelOrderCommand(id, reason, requestedBy))
                .thenApply(ignored -> accepted(id, "CANCELLATION_ACCEPTED"));
    }

    private static ResponseEntity<OrderAccepted> accepted(OrderId orderId, String status) {
        return ResponseEntity.accepted()
                .location(URI.create("/orders/" + orderId))
                .body(new OrderAccepted(orderId.toString(), status));
    }
}
