package io.fulfillment.order.monitoring;

import io.fulfillment.contracts.inventory.ReleaseStockCommand;
import io.fulfillment.contracts.order.OrderCancelledEvent;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.payment.CancelPaymentCommand;
import io.fulfillment.contracts.shipping.CancelShipmentCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 *   <li>{@value #REJECTED}, tagged {@code reason}: the kind of rejection ({@code out-of-stock}, {@code payment-declined},
 *       {@code payment-failed}, {@code shipment-rejected}, the three {@code …-timed-out}, else {@code other}), never the
 *       free text, which would make a time series per order;
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

    /** The saga's rejection reasons begin with one of these (the text before a colon), e.g. "out of stock: …". */
    private static final List<String> REJECTION_KINDS = List.of(
            "out of stock",
            "payment declined",
            "payment failed",
            "shipment rejected",
            "stock reservation timed out",
            "payment timed out",
            "shipment scheduling timed out");

    private static final String OTHER = "other";

    private final Counter placed;
    private final Counter confirmed;
    private final Counter cancelled;
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<Class<?>, Counter> compensations;

    public FulfillmentMetrics(MeterRegistry registry) {
        this.placed = Counter.builder(PLACED).description("Orders placed").register(registry);
        this.confirmed =
                Counter.builder(CONFIRMED).description("Orders confirmed").register(registry);
        this.cancelled = Counter.builder(CANCELLED)
                .description("Orders cancelled by the customer")
                .register(registry);
        for (String kind : REJECTION_KINDS) {
            rejected.put(tagOf(kind), rejectedCounter(registry, tagOf(kind)));
        }
        rejected.put(OTHER, rejectedCounter(registry, OTHER));
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

    /** The bounded tag value for a rejection reason as the saga writes it. */
    static String rejectionKind(String reason) {
        if (reason == null) {
            return OTHER;
        }
        String lead = reason.split(":", 2)[0].trim().toLowerCase(Locale.ROOT);
        return REJECTION_KINDS.contains(lead) ? tagOf(lead) : OTHER;
    }

    private Counter outcomeCounter(Object payload) {
        if (payload instanceof OrderPlacedEvent) {
            return placed;
        }
        if (payload instanceof OrderConfirmedEvent) {
            return confirmed;
        }
        if (payload instanceof OrderRejectedEvent rejection) {
            return rejected.get(rejectionKind(rejection.reason()));
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

    private static String tagOf(String kind) {
        return kind.replace(' ', '-');
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
