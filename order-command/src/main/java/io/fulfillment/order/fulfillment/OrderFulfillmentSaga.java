package io.fulfillment.order.fulfillment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fulfillment.chassis.correlation.Correlation;
import io.fulfillment.chassis.upcasting.LegacyReasons;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ReleaseStockCommand;
import io.fulfillment.contracts.inventory.ReserveStockCommand;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.order.ConfirmOrderCommand;
import io.fulfillment.contracts.order.MarkOrderPaidCommand;
import io.fulfillment.contracts.order.MarkOrderStockReservedCommand;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.RejectOrderCommand;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.payment.CancelPaymentCommand;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.RequestPaymentCommand;
import io.fulfillment.contracts.shipping.CancelShipmentCommand;
import io.fulfillment.contracts.shipping.ScheduleShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * <p>Every command it sends is answered by a success event, a refusal event or the current step's deadline; exactly
 * one deadline is live from start to end, and it names its step, so a deadline of a step already passed is ignored.
 * A command that fails for a technical reason is retried with backoff ({@link FulfillmentCommands}).
 *
 * <p>The order decides how fulfillment ends. When a step fails or times out, the saga asks the order to reject itself;
 * only once the order has recorded its rejection (or the customer's cancellation) does the saga undo what it asked
 * for: release every line not refused, void or refund the payment, cancel the shipment. It undoes by request, not by
 * what it has heard back, so answers still on their way are undone too: the receiving aggregates accept an undo before
 * the request it undoes (a withdrawn reservation, a cancelled payment) and ignore the request afterwards. Once the
 * shipment is scheduled the saga no longer gives up: it confirms the order, asking again until the order answers. So
 * a confirmed order is never compensated, and the saga ends exactly on the order's terminal event.
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

    private static final Logger log = LoggerFactory.getLogger(OrderFulfillmentSaga.class);

    /** The steps in the order they are taken; {@link #REJECTING} may follow any of the first three. */
    enum Step {
        RESERVING_STOCK("stock-reservation-deadline"),
        AWAITING_PAYMENT("payment-deadline"),
        SCHEDULING_SHIPMENT("shipment-deadline"),
        CONFIRMING("confirmation-deadline"),
        REJECTING("rejection-deadline");

        final String deadlineName;

        Step(String deadlineName) {
            this.deadlineName = deadlineName;
        }
    }

    /**
     * Where fulfillment stands: the furthest step begun, the lines answered so far, and the reason for rejecting once
     * the saga gave up.
     */
    record Progress(Step reached, Set<ProductId> reserved, Set<ProductId> refused, RejectionCode rejection) {

        /**
         * Reads a stored saga's progress; one stored before ADR 0018 holds its rejection as the text it sent (still
         * asked again when the rejection deadline comes due), read back as that text's code.
         */
        @JsonCreator
        static Progress stored(
                @JsonProperty("reached") Step reached,
                @JsonProperty("reserved") Set<ProductId> reserved,
                @JsonProperty("refused") Set<ProductId> refused,
                @JsonProperty("rejection") String rejection) {
            return new Progress(reached, reserved, refused, LegacyReasons.rejectionCodeOf(rejection));
        }

        static Progress started() {
            return new Progress(Step.RESERVING_STOCK, Set.of(), Set.of(), null);
        }

        Step current() {
            return rejection == null ? reached : Step.REJECTING;
        }

        boolean isAt(Step step) {
            return current() == step;
        }

        boolean hasBegun(Step step) {
            return reached.compareTo(step) >= 0;
        }

        Progress advancedTo(Step step) {
            return new Progress(step, reserved, refused, rejection);
        }

        Progress withReserved(ProductId productId) {
            return new Progress(reached, plus(reserved, productId), refused, rejection);
        }

        Progress withRefused(ProductId productId) {
            return new Progress(reached, reserved, plus(refused, productId), rejection);
        }

        Progress rejecting(RejectionCode reason) {
            return new Progress(reached, reserved, refused, reason);
        }

        private static Set<ProductId> plus(Set<ProductId> products, ProductId productId) {
            return Stream.concat(products.stream(), Stream.of(productId)).collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * The payload of every deadline: which step it guards and, once it came due while the saga was behind the store,
     * the stored position the saga must have handled before the deadline may act ({@code -1} until then).
     */
    record StepDeadline(Step step, long handledUpTo) {}

    /** The live deadline, as the deadline manager knows it. */
    record ScheduledDeadline(String name, String id) {}

    private OrderPlacedEvent order;
    private Progress progress;
    private ScheduledDeadline deadline;

    static PaymentId paymentIdFor(OrderId orderId) {
        return PaymentId.of("payment-" + orderId);
    }

    static ShipmentId shipmentIdFor(OrderId orderId) {
        return ShipmentId.of("shipment-" + orderId);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(
            OrderPlacedEvent event,
            FulfillmentCommands commands,
            DeadlineManager deadlines,
            SagaProperties properties) {
        if (order != null) {
            return;
        }
        order = event;
        progress = Progress.started();
        linesInProductOrder()
                .forEach(line -> send(commands, new ReserveStockCommand(line.productId(), orderId(), line.quantity())));
        scheduleDeadline(deadlines, properties, Step.RESERVING_STOCK);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(
            StockReservedEvent event,
            FulfillmentCommands commands,
            DeadlineManager deadlines,
            SagaProperties properties) {
        progress = progress.withReserved(event.productId());
        if (progress.isAt(Step.RESERVING_STOCK) && progress.reserved().containsAll(orderedProducts())) {
            progress = progress.advancedTo(Step.AWAITING_PAYMENT);
            PaymentId paymentId = paymentIdFor(orderId());
            SagaLifecycle.associateWith(PAYMENT_ID, paymentId.toString());
            send(commands, new MarkOrderStockReservedCommand(orderId()));
            send(commands, new RequestPaymentCommand(paymentId, orderId(), order.customerId(), order.total()));
            scheduleDeadline(deadlines, properties, Step.AWAITING_PAYMENT);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(
            StockReservationRejectedEvent event,
            FulfillmentCommands commands,
            DeadlineManager deadlines,
            SagaProperties properties) {
        progress = progress.withRefused(event.productId());
        if (progress.isAt(Step.RESERVING_STOCK)) {
            reject(RejectionCode.OUT_OF_STOCK, commands, deadlines, properties);
        }
    }

    @SagaEventHandler(associationProperty = PAYMENT_ID)
    void on(
            PaymentChargedEvent event,
            FulfillmentCommands commands,
            DeadlineManager deadlines,
            SagaProperties properties) {
        if (progress.isAt(Step.AWAITING_PAYMENT)) {
            progress = progress.advancedTo(Step.SCHEDULING_SHIPMENT);
            ShipmentId shipmentId = shipmentIdFor(orderId());
            SagaLifecycle.associateWith(SHIPMENT_ID, shipmentId.toString());
            send(commands, new MarkOrderPaidCommand(orderId(), event.paymentId()));
            List<ShipmentItem> items = order.lines().stream()
                    .map(line -> new ShipmentItem(line.productId(), line.quantity()))
                    .toList();
            send(commands, new ScheduleShipmentCommand(shipmentId, orderId(), order.shippingAddress(), items));
            scheduleDeadline(deadlines, properties, Step.SCHEDULING_SHIPMENT);
        }
    }

    @SagaEventHandler(associationProperty = PAYMENT_ID)
    void on(
            PaymentDeclinedEvent event,
            FulfillmentCommands commands,
            DeadlineManager deadlines,
            SagaProperties properties) {
        if (progress.isAt(Step.AWAITING_PAYMENT)) {
            reject(RejectionCode.PAYMENT_DECLINED, commands, deadlines, properties);
        }
    }

    @SagaEventHandler(associationProperty = PAYMENT_ID)
    void on(
            PaymentFailedEvent event,
            FulfillmentCommands commands,
            DeadlineManager deadlines,
            SagaProperties properties) {
        if (progress.isAt(Step.AWAITING_PAYMENT)) {
            reject(RejectionCode.PAYMENT_FAILED, commands, deadlines, properties);
        }
    }

    @SagaEventHandler(associationProperty = SHIPMENT_ID)
    void on(
            ShipmentScheduledEvent event,
            FulfillmentCommands commands,
            DeadlineManager deadlines,
            SagaProperties properties) {
        if (progress.isAt(Step.SCHEDULING_SHIPMENT)) {
            progress = progress.advancedTo(Step.CONFIRMING);
            confirm(commands);
            scheduleDeadline(deadlines, properties, Step.CONFIRMING);
        }
    }

    @SagaEventHandler(associationProperty = SHIPMENT_ID)
    void on(
            ShipmentRejectedEvent event,
            FulfillmentCommands commands,
            DeadlineManager deadlines,
            SagaProperties properties) {
        if (progress.isAt(Step.SCHEDULING_SHIPMENT)) {
            reject(RejectionCode.ADDRESS_NOT_DELIVERABLE, commands, deadlines, properties);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderConfirmedEvent event, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRejectedEvent event, FulfillmentCommands commands, DeadlineManager deadlines) {
        undo("order rejected: " + event.reason(), commands);
        cancelDeadline(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelledEvent event, FulfillmentCommands commands, DeadlineManager deadlines) {
        undo("cancelled by the customer: " + event.reason(), commands);
        cancelDeadline(deadlines);
    }

    /**
     * The current step's deadline. A deadline of another step is stale and ignored. One that comes due while the saga
     * has not yet handled every stored event waits until it has (checking again every {@code backlogRecheckInterval}),
     * because the answer it would give up on may be among them.
     */
    @DeadlineHandler
    void on(
            StepDeadline deadline,
            FulfillmentCommands commands,
            DeadlineManager deadlines,
            SagaProperties properties,
            SagaBacklog backlog) {
        if (!progress.isAt(deadline.step())) {
            return;
        }
        this.deadline = null;
        long handledUpTo = deadline.handledUpTo() >= 0
                ? deadline.handledUpTo()
                : backlog.headPosition().orElse(-1);
        if (handledUpTo >= 0 && !backlog.hasHandledUpTo(handledUpTo)) {
            String name = deadline.step().deadlineName;
            this.deadline = new ScheduledDeadline(
                    name,
                    deadlines.schedule(
                            properties.backlogRecheckInterval(), name, new StepDeadline(deadline.step(), handledUpTo)));
            return;
        }
        switch (deadline.step()) {
            case RESERVING_STOCK -> reject(RejectionCode.STOCK_RESERVATION_TIMED_OUT, commands, deadlines, properties);
            case AWAITING_PAYMENT -> reject(RejectionCode.PAYMENT_TIMED_OUT, commands, deadlines, properties);
            case SCHEDULING_SHIPMENT ->
                reject(RejectionCode.SHIPMENT_SCHEDULING_TIMED_OUT, commands, deadlines, properties);
            case CONFIRMING -> {
                log.warn("Order {}: not confirmed yet, asking again", orderId());
                confirm(commands);
                scheduleDeadline(deadlines, properties, Step.CONFIRMING);
            }
            case REJECTING -> {
                log.warn("Order {}: rejection not recorded yet, asking again", orderId());
                send(commands, new RejectOrderCommand(orderId(), progress.rejection()));
                scheduleDeadline(deadlines, properties, Step.REJECTING);
            }
        }
    }

    private void confirm(FulfillmentCommands commands) {
        send(commands, new ConfirmOrderCommand(orderId(), paymentIdFor(orderId()), shipmentIdFor(orderId())));
    }

    /** Gives up on fulfillment: the order decides, and its rejection (or an earlier cancellation) triggers the undo. */
    private void reject(
            RejectionCode reason, FulfillmentCommands commands, DeadlineManager deadlines, SagaProperties properties) {
        progress = progress.rejecting(reason);
        send(commands, new RejectOrderCommand(orderId(), reason));
        scheduleDeadline(deadlines, properties, Step.REJECTING);
    }

    /**
     * Undoes, in reverse order, every step that was requested, whether or not its answer has arrived: cancel the
     * shipment, abandon the payment (void or refund), release every line that inventory did not refuse.
     */
    private void undo(String reason, FulfillmentCommands commands) {
        if (progress.hasBegun(Step.SCHEDULING_SHIPMENT)) {
            send(commands, new CancelShipmentCommand(shipmentIdFor(orderId()), orderId(), reason));
        }
        if (progress.hasBegun(Step.AWAITING_PAYMENT)) {
            send(commands, new CancelPaymentCommand(paymentIdFor(orderId()), orderId(), reason));
        }
        linesInProductOrder().stream()
                .map(OrderLine::productId)
                .filter(productId -> !progress.refused().contains(productId))
                .forEach(productId -> send(commands, new ReleaseStockCommand(productId, orderId())));
    }

    /**
     * Commands sent while handling an event keep their aggregates locked until the saga's unit of work ends, so every
     * saga locks products in one global order (by id): two units of work can then never wait for each other's products.
     */
    private List<OrderLine> linesInProductOrder() {
        return order.lines().stream()
                .sorted(Comparator.comparing(line -> line.productId().value()))
                .toList();
    }

    private Set<ProductId> orderedProducts() {
        return order.lines().stream().map(OrderLine::productId).collect(Collectors.toSet());
    }

    private OrderId orderId() {
        return order.orderId();
    }

    /** Exactly one deadline is live: the next step's replaces the previous one in the same unit of work. */
    private void scheduleDeadline(DeadlineManager deadlines, SagaProperties properties, Step step) {
        cancelDeadline(deadlines);
        deadline = new ScheduledDeadline(
                step.deadlineName,
                deadlines.schedule(timeoutOf(step, properties), step.deadlineName, new StepDeadline(step, -1)));
    }

    private static Duration timeoutOf(Step step, SagaProperties properties) {
        return switch (step) {
            case RESERVING_STOCK -> properties.stockReservationTimeout();
            case AWAITING_PAYMENT -> properties.paymentTimeout();
            case SCHEDULING_SHIPMENT -> properties.shipmentTimeout();
            case CONFIRMING, REJECTING -> properties.orderUpdateTimeout();
        };
    }

    private void cancelDeadline(DeadlineManager deadlines) {
        if (deadline != null) {
            deadlines.cancelSchedule(deadline.name(), deadline.id());
            deadline = null;
        }
    }

    private void send(FulfillmentCommands commands, Object command) {
        // the outcome arrives after the retries, on another thread: the log line keeps the order's correlation
        commands.send(command).exceptionally(Correlation.capture().function(failure -> {
            log.warn(
                    "Order {}: {} failed after its retries; the step's deadline settles it",
                    orderId(),
                    command.getClass().getSimpleName(),
                    failure);
            return null;
        }));
    }
}
