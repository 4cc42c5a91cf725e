package io.fulfillment.orderquery.http;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.order.FindOrderSummaryQuery;
import io.fulfillment.contracts.order.FindOrderTimelineQuery;
import io.fulfillment.contracts.order.FindOrdersQuery;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderSummary;
import io.fulfillment.contracts.order.OrderSummaryPage;
import io.fulfillment.contracts.order.OrderTimeline;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The order query API: one order, a page of orders, an order's timeline and its live status. Reads only. */
@RestController
@RequestMapping("/orders")
@Validated
class OrderQueryController {

    static final int MAX_PAGE_SIZE = 100;

    private final QueryGateway queries;
    private final OrderStatusStream statusStream;
    private final ProjectionWait projection;

    OrderQueryController(QueryGateway queries, OrderStatusStream statusStream, ProjectionWait projection) {
        this.queries = queries;
        this.statusStream = statusStream;
        this.projection = projection;
    }

    @Operation(
            summary = "One order",
            description = "The read side is eventually consistent: it learns of an order a moment after the 202 of"
                    + " its placement. An order it does not know yet is waited for, briefly and boundedly"
                    + " (fulfillment.order-query.not-found-wait, 1.5 s by default), before the answer is 404; so"
                    + " the customer's first read after the 202 finds the order. Its status may still lag the"
                    + " latest command by as much.")
    @GetMapping("/{orderId}")
    CompletableFuture<OrderSummary> summary(@PathVariable @NotBlank @Size(max = OrderId.MAX_LENGTH) String orderId) {
        return projection.untilFound(
                () -> queries.query(new FindOrderSummaryQuery(OrderId.of(orderId)), OrderSummary.class));
    }

    @GetMapping
    CompletableFuture<OrderSummaryPage> list(
            @RequestParam(required = false) @Size(max = CustomerId.MAX_LENGTH) String customerId,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        CustomerId customer = customerId == null || customerId.isBlank() ? null : CustomerId.of(customerId);
        return queries.query(new FindOrdersQuery(customer, status, page, size), OrderSummaryPage.class);
    }

    @Operation(
            summary = "Every event of one order, across all contexts",
            description = "Eventually consistent like GET /orders/{orderId}, with the same bounded wait for an order"
                    + " not projected yet.")
    @GetMapping("/{orderId}/timeline")
    CompletableFuture<OrderTimeline> timeline(@PathVariable @NotBlank @Size(max = OrderId.MAX_LENGTH) String orderId) {
        return projection.untilFound(
                () -> queries.query(new FindOrderTimelineQuery(OrderId.of(orderId)), OrderTimeline.class));
    }

    @GetMapping("/{orderId}/stream")
    SseEmitter stream(@PathVariable @NotBlank @Size(max = OrderId.MAX_LENGTH) String orderId) {
        return statusStream.open(OrderId.of(orderId));
    }
}
