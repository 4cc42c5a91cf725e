package io.fulfillment.order.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.CancelOrderCommand;
import io.fulfillment.contracts.order.ConfirmOrderCommand;
import io.fulfillment.contracts.order.MarkOrderPaidCommand;
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
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.shipping.ShipmentId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's order, moved through fulfillment by the {@code OrderFulfillmentSaga}.
 *
 * <p>Lifecycle: {@code PLACED → STOCK_RESERVED → PAID → SHIPPING_SCHEDULED → CONFIRMED}; before confirmation it can
 * end {@code REJECTED} (a step failed) or {@code CANCELLED} (the customer withdrew it).
 *
 * <p>Invariants: an order has at least one line, each for a different product with a positive quantity, all priced in
 * one currency; the steps are recorded in that order and each at most once (a report of a later step records the
 * earlier ones it implies, a report of a step already passed changes nothing); a terminal order takes no further
 * steps; the customer may cancel only until its shipment is scheduled, and only their own order (to anyone else it
 * does not exist); an order is placed once: the same request again changes nothing, a different one under its id is
 * refused.
 */
@Revision("2") // snapshots before revision 2 lack the customer, lines and address: they are ignored
@Aggregate(snapshotTriggerDefinition = "orderSnapshotTrigger", cache = "orderCache")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Order {

    @AggregateIdentifier
    private OrderId orderId;

    private OrderStatus status;

    private CustomerId customerId;

    private List<OrderLine> lines;

    private ShippingAddress shippingAddress;

    private static final List<OrderStatus> PROGRESS = List.of(
            OrderStatus.PLACED,
            OrderStatus.STOCK_RESERVED,
            OrderStatus.PAID,
            OrderStatus.SHIPPING_SCHEDULED,
            OrderStatus.CONFIRMED);

    /**
     * Places the order, or answers a repeat of the request that placed it: the id of an order placed with an
     * Idempotency-Key is derived from that key, so the same request arrives here again for the existing order. The
     * same request changes nothing; another request under the same id is refused, and nothing is created.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlaceOrderCommand command) {
        if (orderId != null) {
            if (!isPlacedBy(command)) {
                throw new OrderPlacedDifferentlyException(orderId);
            }
            return;
        }
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

    /** The same customer, products, quantities and address (prices come from the catalogue, not the request). */
    private boolean isPlacedBy(PlaceOrderCommand command) {
        return customerId.equals(command.customerId())
                && shippingAddress.equals(command.shippingAddress())
                && quantities(lines).equals(command.lines() == null ? null : quantities(command.lines()));
    }

    private static Map<ProductId, Integer> quantities(List<OrderLine> lines) {
        return lines.stream().collect(Collectors.toMap(OrderLine::productId, OrderLine::quantity, Integer::sum));
    }

    @CommandHandler
    void handle(MarkOrderStockReservedCommand command) {
        recordProgressUpTo(OrderStatus.STOCK_RESERVED, null, null);
    }

    @CommandHandler
    void handle(MarkOrderPaidCommand command) {
        recordProgressUpTo(OrderStatus.PAID, command.paymentId(), null);
    }

    @CommandHandler
    void handle(ConfirmOrderCommand command) {
        recordProgressUpTo(OrderStatus.CONFIRMED, command.paymentId(), command.shipmentId());
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
        if (!isActingFor(command.requestedBy())) {
            throw new OrderNotFoundException(orderId);
        }
        if (status == OrderStatus.CANCELLED) {
            return;
        }
        if (!isCancellable()) {
            throw new OrderNotCancellableException(orderId, status);
        }
        apply(new OrderCancelledEvent(orderId, command.reason()));
    }

    /**
     * Records every step up to {@code target} that the order has not recorded yet, in lifecycle order. Progress reports
     * may arrive out of order (commands to one order travel independently between services), so a report of a later
     * step also records the earlier ones it implies, and a report of a step already passed changes nothing. A terminal
     * order refuses progress, except a repeated confirmation of a confirmed one.
     */
    private void recordProgressUpTo(OrderStatus target, PaymentId paymentId, ShipmentId shipmentId) {
        if (status.isTerminal() && status != OrderStatus.CONFIRMED) {
            throw new OrderStepOutOfOrderException(orderId, status, target);
        }
        if (isBeyond(OrderStatus.PLACED, target)) {
            apply(new OrderStockReservedEvent(orderId));
        }
        if (isBeyond(OrderStatus.STOCK_RESERVED, target)) {
            apply(new OrderPaidEvent(orderId, paymentId));
        }
        if (isBeyond(OrderStatus.PAID, target)) {
            apply(new OrderShippingScheduledEvent(orderId, shipmentId));
        }
        if (isBeyond(OrderStatus.SHIPPING_SCHEDULED, target)) {
            apply(new OrderConfirmedEvent(orderId));
        }
    }

    /** True when the order stands at {@code step} and {@code target} lies past it. */
    private boolean isBeyond(OrderStatus step, OrderStatus target) {
        return status == step && PROGRESS.indexOf(target) > PROGRESS.indexOf(step);
    }

    /** Staff (no customer named) act for every customer; a customer only for their own orders. */
    private boolean isActingFor(CustomerId requestedBy) {
        return requestedBy == null || requestedBy.equals(customerId);
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
        customerId = event.customerId();
        lines = event.lines();
        shippingAddress = event.shippingAddress();
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
