package io.fulfillment.orderquery.board;

import io.fulfillment.contracts.order.OrderSummary;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans every order summary update out to the open board streams. The updates are those the summary projection emits
 * for its subscription queries: Axon hands each one to this board's dispatch interceptor after the projection's batch
 * has committed (and never during a replay, when the projection emits nothing). Sending happens on one thread of its
 * own, so a slow client never holds up the projection; when that thread falls {@value #BACKLOG} updates behind, newer
 * ones are dropped and every stream is ended, so that its client reconnects and re-reads the order list.
 */
@Component
class OrderBoard implements DisposableBean {

    static final String EVENT_NAME = "order-summary";
    private static final int BACKLOG = 10_000;
    private static final Logger log = LoggerFactory.getLogger(OrderBoard.class);

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor sender;
    private final Duration streamTimeout;

    OrderBoard(
            QueryUpdateEmitter updates, @Value("${fulfillment.order-query.stream.timeout:5m}") Duration streamTimeout) {
        this.streamTimeout = streamTimeout;
        this.sender = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BACKLOG),
                daemonThreads("order-board-"),
                (dropped, executor) -> subscribers.forEach(Subscriber::missed));
        MessageDispatchInterceptor<SubscriptionQueryUpdateMessage<?>> tap = messages -> (index, message) -> {
            publish(message);
            return message;
        };
        updates.registerDispatchInterceptor(tap);
    }

    /** A stream of every order's changes, or of one customer's orders when {@code customerId} is not null. */
    SseEmitter open(String customerId) {
        Subscriber subscriber = new Subscriber(customerId, new SseEmitter(streamTimeout.toMillis()));
        subscriber.emitter.onCompletion(() -> subscribers.remove(subscriber));
        subscriber.emitter.onTimeout(() -> subscribers.remove(subscriber));
        subscriber.emitter.onError(failure -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        // an event at once: the client knows the stream is open, and proxies pass the response headers on
        sender.execute(() -> subscriber.send(SseEmitter.event().comment("open")));
        return subscriber.emitter;
    }

    private void publish(SubscriptionQueryUpdateMessage<?> message) {
        if (message.getPayload() instanceof OrderSummary summary && !subscribers.isEmpty()) {
            sender.execute(() -> subscribers.stream()
                    .filter(subscriber -> subscriber.wants(summary))
                    .forEach(subscriber -> subscriber.send(
                            SseEmitter.event().name(EVENT_NAME).data(summary, MediaType.APPLICATION_JSON))));
        }
    }

    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    /**
     * Ends every stream as soon as the application begins to close: a graceful shutdown of the web server waits for
     * open requests, and a board stream stays open until its timeout otherwise.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
        subscribers.clear();
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }

    private final class Subscriber {

        private final String customerId;
        private final SseEmitter emitter;

        Subscriber(String customerId, SseEmitter emitter) {
            this.customerId = customerId;
            this.emitter = emitter;
        }

        boolean wants(OrderSummary summary) {
            return customerId == null
                    || (summary.customerId() != null
                            && customerId.equals(summary.customerId().toString()));
        }

        void missed() {
            // called on the projection's thread when the sender's backlog is full: completing is cheap and safe there
            log.warn("Order board fell {} updates behind; closing its streams so that clients re-read", BACKLOG);
            subscribers.remove(this);
            emitter.complete();
        }

        void send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException clientGone) {
                log.debug("Order board stream lost its client", clientGone);
                subscribers.remove(this);
            }
        }
    }
}
