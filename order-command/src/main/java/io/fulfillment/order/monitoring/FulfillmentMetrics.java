package io.fulfillment.order.monitoring;

import io.fulfillment.contracts.inventory.ReleaseStockCommand;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.payment.CancelPaymentCommand;
import io.fulfillment.contracts.shipping.CancelShipmentCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The business counters of the fulfillment flow, counted where its facts are made, in the process that owns the
 * {@code Order} and the saga (so each is counted once, in either runtime mode):
 *
 * <ul>
 *   <li>{@value #PLACED}, {@value #CONFIRMED}, {@value #CANCELLED}: orders that reached that point;
 *   <li>{@value #REJECTED}, tagged {@code reason}: the rejection's code in lower case with dashes
 *       ({@code out-of-stock}, {@code payment-declined}, {@code payment-failed}, {@code address-not-deliverable}, the
 *       three {@code …-timed-out}, {@code unspecified} for a rejection stored before reasons were codes);
 *   <li>{@value #COMPENSATIONS}, tagged {@code action}: every undo the saga sends ({@code release-stock},
 *       {@code cancel-payment}, {@code cancel-shipment}).
 * </ul>
 *
 * Order events are counted once their unit of work has committed; the saga's undo commands when they are sent (a saga
 * batch that is rolled back and handled again counts them again, so this counter is at least, not exactly, the number
 * sent). Each message costs a type test and, for the few counted, one increment of a counter created beforehand.
 */
public final class FulfillmentMetrics {

    static final String PLACED = "fulfillment.orders.placed";
    static final String CONFIRMED = "fulfillment.orders.confirmed";
    static final String CANCELLED = "fulfillment.orders.cancelled";
    static final String REJECTED = "fulfillment.orders.rejected";
    static final String COMPENSATIONS = "fulfillment.compensations";

    private final Counter placed;
    private final Counter confirmed;
    private final Counter cancelled;
    private final Map<RejectionCode, Counter> rejected = new EnumMap<>(RejectionCode.class);
    private final Map<Class<?>, Counter> compensations;

    public FulfillmentMetrics(MeterRegistry registry) {
        this.placed = Counter.builder(PLACED).description("Orders placed").register(registry);
        this.confirmed =
                Counter.builder(CONFIRMED).description("Orders confirmed").register(registry);
        this.cancelled = Counter.builder(CANCELLED)
                .description("Orders cancelled by the customer")
                .register(registry);
        for (RejectionCode code : RejectionCode.values()) {
            if (code != RejectionCode.CANCELLED) {
                rejected.put(code, rejectedCounter(registry, rejectionKind(code)));
            }
        }
        this.compensations = Map.of(
                ReleaseStockCommand.class, compensationCounter(registry, "release-stock"),
                CancelPaymentCommand.class, compensationCounter(registry, "cancel-payment"),
                CancelShipmentCommand.class, compensationCounter(registry, "cancel-shipment"));
    }

    /** For the event bus: counts the order outcomes among the events published in this process. */
    public MessageDispatchInterceptor<EventMessage<?>> orderOutcomes() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> messages) {
                return (index, event) -> {
                    Counter counter = outcomeCounter(event.getPayload());
                    if (counter != null) {
                        afterCommit(counter);
                    }
                    return event;
                };
            }
        };
    }

    /** For the saga's command gateway: counts the undo commands it sends. */
    public MessageDispatchInterceptor<CommandMessage<?>> compensations() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    Counter counter = compensations.get(command.getPayloadType());
                    if (counter != null) {
                        counter.increment();
                    }
                    return command;
                };
            }
        };
    }

    /** The tag value of a rejection's code: {@code PAYMENT_FAILED} is {@code payment-failed}. */
    static String rejectionKind(RejectionCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Counter outcomeCounter(Object payload) {
        if (payload instanceof OrderPlacedEvent) {
            return placed;
        }
        if (payload instanceof OrderConfirmedEvent) {
            return confirmed;
        }
        if (payload instanceof OrderRejectedEvent rejection) {
            return rejected.get(rejection.reason());
        }
        if (payload instanceof OrderCancelledEvent) {
            return cancelled;
        }
        return null;
    }

    private static void afterCommit(Counter counter) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> counter.increment());
        } else {
            counter.increment();
        }
    }

    private static Counter rejectedCounter(MeterRegistry registry, String reason) {
        return Counter.builder(REJECTED)
                .description("Orders rejected, by kind of reason")
                .tag("reason", reason)
                .register(registry);
    }

    private static Counter compensationCounter(MeterRegistry registry, String action) {
        return Counter.builder(COMPENSATIONS)
                .description("Compensating commands sent by the fulfillment saga")
                .tag("action", action)
                .register(registry);
    }
}
