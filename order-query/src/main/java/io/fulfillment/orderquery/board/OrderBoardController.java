package io.fulfillment.orderquery.board;

import io.fulfillment.contracts.kernel.CustomerId;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /orders/stream}: the order board as Server-Sent Events, one {@code order-summary} event per change of any
 * order (or of one customer's orders), from the moment the stream opens. A client reads the current list with
 * {@code GET /orders} after opening the stream, and again whenever the stream ends.
 */
@RestController
@Validated
class OrderBoardController {

    private final OrderBoard board;

    OrderBoardController(OrderBoard board) {
        this.board = board;
    }

    @GetMapping(path = "/orders/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) @Size(max = CustomerId.MAX_LENGTH) String customerId) {
        return board.open(customerId == null || customerId.isBlank() ? null : customerId);
    }
}
