package io.fulfillment.orderquery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.order.FindOrderSummaryQuery;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class OrderStatusStreamTest {

    private static final OrderId ORDER = OrderId.of("order-7");
    private static final Instant PLACED_AT = Instant.parse("2026-11-29T10:00:00Z");

    private final QueryGateway queries = mock(QueryGateway.class);
    private final OrderStatusStream stream =
            new OrderStatusStream(queries, new OrderStreamProperties(Duration.ofMinutes(1), Duration.ofSeconds(1)));

    @Test
    void sendsEachStatusOnceWhateverTheProjectionRepeats() {
        subscriptionAnswers(
                summary(OrderStatus.PLACED, 0),
                Flux.just(
                        summary(OrderStatus.PLACED, 0),
                        summary(OrderStatus.STOCK_RESERVED, 1),
                        summary(OrderStatus.STOCK_RESERVED, 2),
                        summary(OrderStatus.PAID, 3),
                        summary(OrderStatus.PAID, 3),
                        summary(OrderStatus.SHIPPING_SCHEDULED, 4),
                        summary(OrderStatus.CONFIRMED, 5)));
        RecordingEmitter emitter = new RecordingEmitter();

        stream.open(ORDER, emitter);

        assertThat(emitter.sent)
                .containsExactly(
                        OrderStatus.PLACED,
                        OrderStatus.STOCK_RESERVED,
                        OrderStatus.PAID,
                        OrderStatus.SHIPPING_SCHEDULED,
                        OrderStatus.CONFIRMED);
    }

    @SuppressWarnings("unchecked")
    private void subscriptionAnswers(OrderSummary current, Flux<OrderSummary> updates) {
        when(queries.subscriptionQuery(
                        any(FindOrderSummaryQuery.class), eq(OrderSummary.class), eq(OrderSummary.class)))
                .thenReturn(new DefaultSubscriptionQueryResult<>(Mono.just(current), updates, () -> true));
    }

    private static OrderSummary summary(OrderStatus status, int secondsLater) {
        return new OrderSummary(
                ORDER,
                CustomerId.of("customer-ada"),
                status,
                List.of(),
                null,
                null,
                null,
                PLACED_AT,
                PLACED_AT.plusSeconds(secondsLater));
    }

    /** Keeps the status of every summary sent, in order. */
    private static final class RecordingEmitter extends SseEmitter {

        private final List<OrderStatus> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder event) {
            event.build().stream()
                    .map(DataWithMediaType::getData)
                    .filter(OrderSummary.class::isInstance)
                    .map(data -> ((OrderSummary) data).status())
                    .forEach(sent::add);
        }
    }
}
