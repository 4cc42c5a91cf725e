package io.fulfillment.order.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.CancelOrderCommand;
import io.fulfillment.contracts.order.ConfirmOrderCommand;
import io.fulfillment.contracts.order.MarkOrderPaidCommand;
import io.fulfillment.contracts.order.MarkOrderShippingScheduledCommand;
import io.fulfillment.contracts.order.MarkOrderStockReservedCommand;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.OrderShippingScheduledEvent;
import io.fulfillment.contracts.order.OrderStatus;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.order.PlaceOrderCommand;
import io.fulfillment.contracts.order.RejectOrderCommand;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's order, moved through fulfillment by the {@code OrderFulfillmentSaga}.
 *
 * <p>Lifecycle: {@code PLACED → STOCK_RESERVED → PAID → SHIPPING_SCHEDULED → CONFIRMED}; before confirmation it can
 * end {@code REJECTED} (a step failed) or {@code CANCELLED} (the customer withdrew it).
 *
 * <p>Invariants: an order has at least one line, each for a different product with a positive quantity, all priced in
 * one currency; the steps happen in that order and each at most once (repeating the step just taken changes
 * nothing); a terminal order takes no further steps; the customer may cancel only until its shipment is scheduled.
 */
@Aggregate(snapshotTriggerDefinition = "orderSnapshotTrigger")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Order {

    @AggregateIdentifier
    private OrderId orderId;

    private OrderStatus status;

    @CommandHandler
    public Order(PlaceOrderCommand command) {
        requireValidLines(command.lines());
        if (command.shippingAddress() == null) {
            throw new InvalidOrderException("an order needs a shipping address");
        }
        apply(new OrderPlacedEvent(
                command.orderId(),
                command.customerId(),
                List.copyOf(command.lines()),
                command.shippingAddress(),
                totalOf(command.lines())));
    }

    Order() {
        // required by Axon
    }

    @CommandHandler
    void handle(MarkOrderStockReservedCommand command) {
        if (advancesTo(OrderStatus.STOCK_RESERVED, OrderStatus.PLACED)) {
            apply(new OrderStockReservedEvent(orderId));
        }
    }

    @CommandHandler
    void handle(MarkOrderPaidCommand command) {
        if (advancesTo(OrderStatus.PAID, OrderStatus.STOCK_RESERVED)) {
            apply(new OrderPaidEvent(orderId, command.paymentId()));
        }
    }

    @CommandHandler
    void handle(MarkOrderShippingScheduledCommand command) {
        if (advancesTo(OrderStatus.SHIPPING_SCHEDULED, OrderStatus.PAID)) {
            apply(new OrderShippingScheduledEvent(orderId, command.shipmentId()));
        }
    }

    @CommandHandler
    void handle(ConfirmOrderCommand command) {
        if (advancesTo(OrderStatus.CONFIRMED, OrderStatus.SHIPPING_SCHEDULED)) {
            apply(new OrderConfirmedEvent(orderId));
        }
    }

    @CommandHandler
    void handle(RejectOrderCommand command) {
        if (status == OrderStatus.CONFIRMED) {
            throw new OrderStepOutOfOrderException(orderId, status, OrderStatus.REJECTED);
        }
        if (!status.isTerminal()) {
            apply(new OrderRejectedEvent(orderId, command.reason()));
        }
    }

    @CommandHandler
    void handle(CancelOrderCommand command) {
        if (status == OrderStatus.CANCELLED) {
            return;
        }
        if (!isCancellable()) {
            throw new OrderNotCancellableException(orderId, status);
        }
        apply(new OrderCancelledEvent(orderId, command.reason()));
    }

    /**
     * True when the order stands right before {@code target}; false when it already reached {@code target} (the step
     * is repeated); a refusal otherwise.
     */
    private boolean advancesTo(OrderStatus target, OrderStatus requiredCurrent) {
        if (status == requiredCurrent) {
            return true;
        }
        if (status == target) {
            return false;
        }
        throw new OrderStepOutOfOrderException(orderId, status, target);
    }

    private boolean isCancellable() {
        return status == OrderStatus.PLACED || status == OrderStatus.STOCK_RESERVED || status == OrderStatus.PAID;
    }

    private static void requireValidLines(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidOrderException("an order needs at least one line");
        }
        if (lines.stream().anyMatch(line -> line.quantity() <= 0)) {
            throw new InvalidOrderException("every line needs a positive quantity");
        }
        if (lines.stream().map(OrderLine::productId).distinct().count() != lines.size()) {
            throw new InvalidOrderException("each product may appear in only one line");
        }
        if (lines.stream().map(line -> line.unitPrice().currency()).distinct().count() != 1) {
            throw new InvalidOrderException("all lines must be priced in one currency");
        }
    }

    private static Money totalOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        status = OrderStatus.PLACED;
    }

    @EventSourcingHandler
    void on(OrderStockReservedEvent event) {
        status = OrderStatus.STOCK_RESERVED;
    }

    @EventSourcingHandler
    void on(OrderPaidEvent event) {
        status = OrderStatus.PAID;
    }

    @EventSourcingHandler
    void on(OrderShippingScheduledEvent event) {
        status = OrderStatus.SHIPPING_SCHEDULED;
    }

    @EventSourcingHandler
    void on(OrderConfirmedEvent event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderRejectedEvent event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = OrderStatus.CANCELLED;
    }
}
