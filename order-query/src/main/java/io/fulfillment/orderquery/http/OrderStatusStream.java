package io.fulfillment.orderquery.http;

import io.fulfillment.chassis.correlation.Correlation;
import io.fulfillment.contracts.order.FindOrderSummaryQuery;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderSummary;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Flux;

/**
 * Streams one order's summary as Server-Sent Events from a subscription query: the current summary first, then each
 * change of its status once, until the order reaches a terminal status. The subscription is closed whichever way the stream ends: a
 * terminal status, the client going away, or the stream's timeout.
 */
@Component
class OrderStatusStream {

    static final String EVENT_NAME = "order-summary";

    private static final Logger log = LoggerFactory.getLogger(OrderStatusStream.class);

    private final QueryGateway queries;
    private final OrderStreamProperties properties;

    OrderStatusStream(QueryGateway queries, OrderStreamProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /**
     * Subscribes before reading the current summary, so no change between the two is missed. An unknown order fails
     * here, before any stream is opened, and becomes a 404.
     */
    SseEmitter open(OrderId orderId) {
        return open(orderId, new SseEmitter(properties.timeout().toMillis()));
    }

    SseEmitter open(OrderId orderId, SseEmitter emitter) {
        SubscriptionQueryResult<OrderSummary, OrderSummary> subscription =
                queries.subscriptionQuery(new FindOrderSummaryQuery(orderId), OrderSummary.class, OrderSummary.class);
        OrderSummary current;
        try {
            current = subscription.initialResult().block(properties.initialResultTimeout());
        } catch (RuntimeException failure) {
            subscription.close();
            throw failure;
        }
        return new Stream(orderId, subscription, emitter).start(current);
    }

    /**
     * The summaries that change the status, after {@code current}: the projection reports every change of the summary
     * (several in a row may keep the status) and an update may repeat the current summary read just after
     * subscribing, so each status is sent once. Ends with the first terminal status.
     */
    static Flux<OrderSummary> changesAfter(OrderSummary current, Flux<OrderSummary> updates) {
        return updates.startWith(current)
                .distinctUntilChanged(OrderSummary::status)
                .skip(1)
                .takeUntil(summary -> summary.status().isTerminal());
    }

    private static final class Stream {

        private final OrderId orderId;
        private final SubscriptionQueryResult<OrderSummary, OrderSummary> subscription;
        private final SseEmitter emitter;
        private final AtomicBoolean closed = new AtomicBoolean();

        Stream(OrderId orderId, SubscriptionQueryResult<OrderSummary, OrderSummary> subscription, SseEmitter emitter) {
            this.orderId = orderId;
            this.subscription = subscription;
            this.emitter = emitter;
        }

        SseEmitter start(OrderSummary current) {
            emitter.onCompletion(this::close);
            emitter.onError(failure -> close());
            emitter.onTimeout(this::finish);
            if (send(current) && !current.status().isTerminal()) {
                // updates arrive on Axon's threads: they keep the request's correlation for their log lines
                Correlation correlation = Correlation.capture();
                changesAfter(current, subscription.updates())
                        .subscribe(
                                correlation.consumer(this::update),
                                correlation.consumer(this::fail),
                                correlation.runnable(this::finish));
            } else {
                finish();
            }
            return emitter;
        }

        private void update(OrderSummary summary) {
            send(summary);
        }

        private boolean send(OrderSummary summary) {
            try {
                emitter.send(SseEmitter.event().name(EVENT_NAME).data(summary, MediaType.APPLICATION_JSON));
                return true;
            } catch (IOException | IllegalStateException clientGone) {
                log.debug("Status stream of order {} lost its client", orderId, clientGone);
                close();
                return false;
            }
        }

        private void finish() {
            close();
            emitter.complete();
        }

        private void fail(Throwable failure) {
            log.warn("Status stream of order {} failed", orderId, failure);
            finish();
        }

        private void close() {
            if (closed.compareAndSet(false, true)) {
                subscription.close();
            }
        }
    }
}
