package io.fulfillment.orderquery.testapp;

import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderPaidEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A bug in the order-summary processing group, of the test application only: it throws on the payment of the orders a
 * test marks, until the test "deploys the fix" by clearing the mark.
 */
@Component
@ProcessingGroup("order-summary")
public class OrderSummaryFault {

    private final Set<OrderId> failing = ConcurrentHashMap.newKeySet();

    public void failOnPaymentOf(OrderId orderId) {
        failing.add(orderId);
    }

    public void fix(OrderId orderId) {
        failing.remove(orderId);
    }

    @EventHandler
    void on(OrderPaidEvent event) {
        if (failing.contains(event.orderId())) {
            throw new IllegalArgumentException("cannot summarise the payment of " + event.orderId());
        }
    }
}
