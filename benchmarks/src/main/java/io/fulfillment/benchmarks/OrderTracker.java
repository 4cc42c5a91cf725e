package io.fulfillment.benchmarks;

import io.fulfillment.benchmarks.OrderLoad.Outcome;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;

/**
 * Watches every event the event store publishes (subscribed to the embedded store, so it runs in the publishing unit
 * of work, no polling) and records when each order reaches its terminal event. Placement time comes from the load
 * generator; latency is the difference of two {@link System#nanoTime()} readings, so no clock skew and no sleeps.
 */
final class OrderTracker extends OrderLoad.Terminals implements Consumer<List<? extends EventMessage<?>>> {

    private final AtomicLong events = new AtomicLong();
    private final Map<String, Runnable> onTerminal = new ConcurrentHashMap<>();

    @Override
    public void accept(List<? extends EventMessage<?>> batch) {
        long now = System.nanoTime();
        events.addAndGet(batch.size());
        for (EventMessage<?> event : batch) {
            Object payload = event.getPayload();
            if (payload instanceof OrderConfirmedEvent confirmed) {
                terminal(confirmed.orderId(), now, OrderStatus.CONFIRMED);
            } else if (payload instanceof OrderRejectedEvent rejected) {
                terminal(rejected.orderId(), now, OrderStatus.REJECTED);
            } else if (payload instanceof OrderCancelledEvent cancelled) {
                terminal(cancelled.orderId(), now, OrderStatus.CANCELLED);
            }
        }
    }

    private void terminal(OrderId orderId, long now, OrderStatus status) {
        outcomes.putIfAbsent(orderId.toString(), new Outcome(now, status.name()));
        Runnable callback = onTerminal.remove(orderId.toString());
        if (callback != null) {
            callback.run();
        }
    }

    @Override
    void follow(String orderId, long placedAt, Runnable callback) {
        placedNanos.put(orderId, placedAt);
        onTerminal.put(orderId, callback);
        if (outcomes.containsKey(orderId)) {
            Runnable late = onTerminal.remove(orderId);
            if (late != null) {
                late.run();
            }
        }
    }

    long events() {
        return events.get();
    }
}
