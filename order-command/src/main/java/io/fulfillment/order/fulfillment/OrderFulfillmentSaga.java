package io.fulfillment.order.fulfillment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ReleaseStockCommand;
import io.fulfillment.contracts.inventory.ReserveStockCommand;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.ConfirmOrderCommand;
import io.fulfillment.contracts.order.MarkOrderPaidCommand;
import io.fulfillment.contracts.order.MarkOrderShippingScheduledCommand;
import io.fulfillment.contracts.order.MarkOrderStockReservedCommand;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.RejectOrderCommand;
import io.fulfillment.contracts.payment.CancelPaymentCommand;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.RequestPaymentCommand;
import io.fulfillment.contracts.payment.RequestRefundCommand;
import io.fulfillment.contracts.shipping.CancelShipmentCommand;
import io.fulfillment.contracts.shipping.ScheduleShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orchestrates the fulfillment of one order: reserve stock for every line, charge the payment, schedule the shipment,
 * confirm the order.
 *
 * <p>Every command it sends is answered by a success event, a rejection event or a deadline. When a step fails, or
 * the customer cancels, it compensates in reverse order: cancel a scheduled shipment, refund (or void) the payment,
 * release the reserved stock, and reject the order (unless the customer cancelled it). Answers that arrive after
 * compensation began are compensated on arrival; the saga ends once nothing it asked for is still unanswered.
 *
 * <p>A payment and a shipment are created at most once per order: their ids derive from the order id, so a redelivered
 * event can never open a second charge or shipment.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class OrderFulfillmentSaga {

    static final String ORDER_ID = "orderId";
    static final String PAYMENT_ID = "paymentId";
    static final String SHIPMENT_ID = "shipmentId";
    static final String STOCK_DEADLINE = "stock-reservation-deadline";
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String SHIPMENT_DEADLINE = "shipment-deadline";

    private static final Logger log = LoggerFactory.getLogger(OrderFulfillmentSaga.class);

    enum Step {
        RESERVING_STOCK,
        AWAITING_PAYMENT,
        SCHEDULING_SHIPMENT,
        CONFIRMING,
        COMPENSATING
    }

    private OrderId orderId;
    private CustomerId customerId;
    private ShippingAddress shippingAddress;
    private List<OrderLine> lines = new ArrayList<>();
    private Money total;
    private Step step;
    private Set<ProductId> awaitingReservation = new LinkedHashSet<>();
    private Set<ProductId> reserved = new LinkedHashSet<>();
    private PaymentId paymentId;
    private boolean charged;
    private ShipmentId shipmentId;
    private boolean awaitingShipment;
    private boolean shipmentScheduled;
    private String deadlineName;
    private String deadlineId;

    static PaymentId paymentIdFor(OrderId orderId) {
        return PaymentId.of("payment-" + orderId);
    }

    static ShipmentId shipmentIdFor(OrderId orderId) {
        return ShipmentId.of("shipment-" + orderId);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlacedEvent event, CommandGateway commands, DeadlineManager deadlines, SagaProperties properties) {
        if (step != null) {
            return;
        }
        orderId = event.orderId();
        customerId = event.customerId();
        shippingAddress = event.shippingAddress();
        lines = new ArrayList<>(event.lines());
        total = event.total();
        step = Step.RESERVING_STOCK;
        for (OrderLine line : inProductOrder(lines)) {
            awaitingReservation.add(line.productId());
            send(commands, new ReserveStockCommand(line.productId(), orderId, line.quantity()));
        }
        scheduleDeadline(
                deadlines, properties.stockReservationTimeout(), STOCK_DEADLINE, "stock reservation timed out");
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservedEvent event, CommandGateway commands, DeadlineManager deadlines, SagaProperties properties) {
        if (!awaitingReservation.remove(event.productId())) {
            return;
        }
        if (step == Step.COMPENSATING) {
            send(commands, new ReleaseStockCommand(event.productId(), orderId));
            endIfSettled(deadlines);
            return;
        }
        reserved.add(event.productId());
        if (awaitingReservation.isEmpty()) {
            send(commands, new MarkOrderStockReservedCommand(orderId));
            requestPayment(commands, deadlines, properties);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRejectedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        if (!awaitingReservation.remove(event.productId())) {
            return;
        }
        if (step == Step.COMPENSATING) {
            endIfSettled(deadlines);
            return;
        }
        String reason = "out of stock: product %s (requested %d, available %d)"
                .formatted(event.productId(), event.requested(), event.available());
        compensate(reason, commands, deadlines, true);
    }

    @SagaEventHandler(associationProperty = PAYMENT_ID)
    void on(PaymentChargedEvent event, CommandGateway commands, DeadlineManager deadlines, SagaProperties properties) {
        if (step != Step.AWAITING_PAYMENT) {
            return;
        }
        charged = true;
        send(commands, new MarkOrderPaidCommand(orderId, paymentId));
        scheduleShipment(commands, deadlines, properties);
    }

    @SagaEventHandler(associationProperty = PAYMENT_ID)
    void on(PaymentDeclinedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        if (step == Step.AWAITING_PAYMENT) {
            compensate("payment declined: " + event.reason(), commands, deadlines, true);
        }
    }

    @SagaEventHandler(associationProperty = PAYMENT_ID)
    void on(PaymentFailedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        if (step == Step.AWAITING_PAYMENT) {
            compensate("payment failed: " + event.reason(), commands, deadlines, true);
        }
    }

    @SagaEventHandler(associationProperty = SHIPMENT_ID)
    void on(ShipmentScheduledEvent event, CommandGateway commands, DeadlineManager deadlines) {
        if (!awaitingShipment) {
            return;
        }
        awaitingShipment = false;
        shipmentScheduled = true;
        if (step == Step.COMPENSATING) {
            send(commands, new CancelShipmentCommand(shipmentId, "order " + orderId + " was withdrawn"));
            endIfSettled(deadlines);
            return;
        }
        cancelDeadline(deadlines);
        step = Step.CONFIRMING;
        send(commands, new MarkOrderShippingScheduledCommand(orderId, shipmentId));
        send(commands, new ConfirmOrderCommand(orderId));
    }

    @SagaEventHandler(associationProperty = SHIPMENT_ID)
    void on(ShipmentRejectedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        if (!awaitingShipment) {
            return;
        }
        awaitingShipment = false;
        if (step == Step.COMPENSATING) {
            endIfSettled(deadlines);
            return;
        }
        compensate("shipment rejected: " + event.reason(), commands, deadlines, true);
    }

    /** Any step's deadline: its payload says which step timed out. */
    @DeadlineHandler
    void onStepTimeout(String reason, CommandGateway commands, DeadlineManager deadlines) {
        deadlineId = null;
        deadlineName = null;
        giveUp(reason, commands, deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderConfirmedEvent event, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelledEvent event, CommandGateway commands, DeadlineManager deadlines) {
        if (step != Step.COMPENSATING) {
            compensate("cancelled by the customer: " + event.reason(), commands, deadlines, false);
        }
    }

    private void requestPayment(CommandGateway commands, DeadlineManager deadlines, SagaProperties properties) {
        step = Step.AWAITING_PAYMENT;
        paymentId = paymentIdFor(orderId);
        SagaLifecycle.associateWith(PAYMENT_ID, paymentId.toString());
        send(commands, new RequestPaymentCommand(paymentId, orderId, customerId, total));
        scheduleDeadline(deadlines, properties.paymentTimeout(), PAYMENT_DEADLINE, "payment timed out");
    }

    private void scheduleShipment(CommandGateway commands, DeadlineManager deadlines, SagaProperties properties) {
        step = Step.SCHEDULING_SHIPMENT;
        shipmentId = shipmentIdFor(orderId);
        awaitingShipment = true;
        SagaLifecycle.associateWith(SHIPMENT_ID, shipmentId.toString());
        List<ShipmentItem> items = lines.stream()
                .map(line -> new ShipmentItem(line.productId(), line.quantity()))
                .toList();
        send(commands, new ScheduleShipmentCommand(shipmentId, orderId, shippingAddress, items));
        scheduleDeadline(deadlines, properties.shipmentTimeout(), SHIPMENT_DEADLINE, "shipment scheduling timed out");
    }

    /**
     * Undoes every completed step in reverse order. Replies still outstanding keep the saga alive, bounded by their
     * step's deadline, so that late successes are undone too.
     */
    private void compensate(String reason, CommandGateway commands, DeadlineManager deadlines, boolean rejectOrder) {
        Step failedStep = step;
        step = Step.COMPENSATING;
        if (shipmentScheduled) {
            send(commands, new CancelShipmentCommand(shipmentId, reason));
        }
        if (charged) {
            send(commands, new RequestRefundCommand(paymentId, reason));
        } else if (failedStep == Step.AWAITING_PAYMENT) {
            send(commands, new CancelPaymentCommand(paymentId, reason));
        }
        reserved.stream()
                .sorted(Comparator.comparing(ProductId::value))
                .forEach(productId -> send(commands, new ReleaseStockCommand(productId, orderId)));
        reserved.clear();
        if (rejectOrder) {
            send(commands, new RejectOrderCommand(orderId, reason));
        }
        endIfSettled(deadlines);
    }

    /**
     * A deadline passed: stop waiting for what is still unanswered, compensate if that has not begun, and end.
     * Reservations still unanswered are released blindly, since releasing an unknown reservation is a no-op.
     */
    private void giveUp(String reason, CommandGateway commands, DeadlineManager deadlines) {
        if (!awaitingReservation.isEmpty() || awaitingShipment) {
            log.warn("Order {}: {}; no longer waiting for {}", orderId, reason, outstandingReplies());
        }
        awaitingReservation.forEach(productId -> send(commands, new ReleaseStockCommand(productId, orderId)));
        awaitingReservation.clear();
        awaitingShipment = false;
        if (step == Step.COMPENSATING) {
            endIfSettled(deadlines);
        } else {
            compensate(reason, commands, deadlines, true);
        }
    }

    /**
     * Commands sent while handling an event keep their aggregates locked until the saga's unit of work ends, so every
     * saga locks products in one global order (by id): two sagas can then never wait for each other's products.
     */
    private static List<OrderLine> inProductOrder(List<OrderLine> lines) {
        return lines.stream()
                .sorted(Comparator.comparing(line -> line.productId().value()))
                .toList();
    }

    private void endIfSettled(DeadlineManager deadlines) {
        if (step == Step.COMPENSATING && awaitingReservation.isEmpty() && !awaitingShipment) {
            cancelDeadline(deadlines);
            SagaLifecycle.end();
        }
    }

    private String outstandingReplies() {
        List<String> outstanding = new ArrayList<>();
        awaitingReservation.forEach(productId -> outstanding.add("reservation of " + productId));
        if (awaitingShipment) {
            outstanding.add("shipment " + shipmentId);
        }
        return String.join(", ", outstanding);
    }

    /**
     * Steps follow one another, so at most one deadline is live: scheduling the next step's deadline replaces the
     * previous one. Deadlines are cancelled by id, which every durable deadline manager supports.
     */
    private void scheduleDeadline(DeadlineManager deadlines, Duration timeout, String name, String reason) {
        cancelDeadline(deadlines);
        deadlineName = name;
        deadlineId = deadlines.schedule(timeout, name, reason);
    }

    private void cancelDeadline(DeadlineManager deadlines) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(deadlineName, deadlineId);
            deadlineId = null;
            deadlineName = null;
        }
    }

    private void send(CommandGateway commands, Object command) {
        commands.send(command).exceptionally(failure -> {
            log.warn(
                    "Order {}: {} failed; the step's deadline will settle it",
                    orderId,
                    command.getClass().getSimpleName(),
                    failure);
            return null;
        });
    }
}
