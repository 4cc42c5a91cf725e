package io.fulfillment.inventory.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.fulfillment.contracts.inventory.CommitStockCommand;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductRegisteredEvent;
import io.fulfillment.contracts.inventory.ProductRestockedEvent;
import io.fulfillment.contracts.inventory.RegisterProductCommand;
import io.fulfillment.contracts.inventory.ReleaseStockCommand;
import io.fulfillment.contracts.inventory.ReserveStockCommand;
import io.fulfillment.contracts.inventory.RestockProductCommand;
import io.fulfillment.contracts.inventory.StockCommittedEvent;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservationWithdrawnEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.order.OrderId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The stock of one catalogue product, kept so that no order is ever promised units that are not on the shelf.
 *
 * <p>Lifecycle: a product is <em>registered</em> with a name, a unit price and an initial stock, and from then on is
 * <em>restocked</em> whenever goods arrive. While an order is being fulfilled, units are <em>reserved</em> for it;
 * each reservation ends exactly once, either <em>released</em> back to available stock (the order was rejected or
 * cancelled) or <em>committed</em> as shipped (its shipment left the warehouse). A product has no end state.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Available stock never goes negative. A reservation for more units than are available is refused with a
 *       {@link StockReservationRejectedEvent} naming what is available: an event rather than an exception, because the
 *       fulfillment saga reacts to it. Axon handles the commands of one product one at a time and the event store
 *       refuses a second event with the same sequence number, so two orders racing for the last units cannot both
 *       win.
 *   <li>Every unit is accounted for: available + reserved + shipped == initial stock + all restocks.
 *   <li>An order holds at most one reservation per product. Reserving again with the same quantity is a redelivery and
 *       changes nothing; with another quantity it is refused ({@link ConflictingReservationException}).
 *   <li>Releasing or committing a reservation that has ended changes nothing and is no error, so compensations can be
 *       retried safely. Releasing a reservation that was never made withdraws it ({@link
 *       StockReservationWithdrawnEvent}): a reservation request for that order that arrives afterwards (it was still
 *       on its way, or is a retry) is ignored, so a release and its reservation cancel out in either order of arrival.
 *       Withdrawals are rare (an order that ended while a reservation was unanswered) and are kept for good.
 *   <li>Quantities are positive, the initial stock is zero or more, and a product has a non-blank name and a price;
 *       commands breaking these are refused with {@link InvalidStockQuantityException} or
 *       {@link InvalidProductDetailsException} and change nothing.
 * </ul>
 *
 * <p>Name and price are not kept here: no decision depends on them, the catalogue read model holds them.
 */
@Aggregate(snapshotTriggerDefinition = "productSnapshotTrigger", cache = "productCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY) // snapshots serialize the fields
public class Product {

    @AggregateIdentifier
    private ProductId productId;

    private int available;
    private Map<OrderId, Integer> reservations = new HashMap<>();
    private Set<OrderId> withdrawn = new HashSet<>();
    private int shipped;

    Product() {
        // required by Axon
    }

    @CommandHandler
    Product(RegisterProductCommand command) {
        if (!isNamed(command.name())) {
            throw InvalidProductDetailsException.blankName();
        }
        if (command.unitPrice() == null) {
            throw InvalidProductDetailsException.missingPrice();
        }
        if (command.initialStock() < 0) {
            throw InvalidStockQuantityException.negativeInitialStock(command.initialStock());
        }
        apply(new ProductRegisteredEvent(
                command.productId(), command.name(), command.unitPrice(), command.initialStock()));
    }

    @CommandHandler
    void handle(RestockProductCommand command) {
        requirePositive(command.quantity());
        apply(new ProductRestockedEvent(productId, command.quantity()));
    }

    @CommandHandler
    void handle(ReserveStockCommand command) {
        requirePositive(command.quantity());
        if (withdrawn.contains(command.orderId())) {
            return;
        }
        if (holdsReservationFor(command.orderId())) {
            if (!isSameReservation(command.orderId(), command.quantity())) {
                throw new ConflictingReservationException(
                        command.orderId(), reservations.get(command.orderId()), command.quantity());
            }
            return;
        }
        if (!canReserve(command.quantity())) {
            apply(new StockReservationRejectedEvent(productId, command.orderId(), command.quantity(), available));
            return;
        }
        apply(new StockReservedEvent(productId, command.orderId(), command.quantity()));
    }

    @CommandHandler
    void handle(ReleaseStockCommand command) {
        if (holdsReservationFor(command.orderId())) {
            apply(new StockReleasedEvent(productId, command.orderId(), reservations.get(command.orderId())));
        } else if (!withdrawn.contains(command.orderId())) {
            apply(new StockReservationWithdrawnEvent(productId, command.orderId()));
        }
    }

    @CommandHandler
    void handle(CommitStockCommand command) {
        if (holdsReservationFor(command.orderId())) {
            apply(new StockCommittedEvent(productId, command.orderId(), reservations.get(command.orderId())));
        }
    }

    private static boolean isNamed(String name) {
        return name != null && !name.isBlank();
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw InvalidStockQuantityException.notPositive(quantity);
        }
    }

    private boolean canReserve(int quantity) {
        return quantity <= available;
    }

    private boolean holdsReservationFor(OrderId orderId) {
        return reservations.containsKey(orderId);
    }

    private boolean isSameReservation(OrderId orderId, int quantity) {
        return reservations.get(orderId) == quantity;
    }

    @EventSourcingHandler
    void on(ProductRegisteredEvent event) {
        productId = event.productId();
        available = event.initialStock();
    }

    @EventSourcingHandler
    void on(ProductRestockedEvent event) {
        available += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        available -= event.quantity();
        reservations.put(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReleasedEvent event) {
        reservations.remove(event.orderId());
        available += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReservationWithdrawnEvent event) {
        withdrawn.add(event.orderId());
    }

    @EventSourcingHandler
    void on(StockCommittedEvent event) {
        reservations.remove(event.orderId());
        shipped += event.quantity();
    }

    // Stock levels, read by tests that check every unit is accounted for.
    int available() {
        return available;
    }

    int reserved() {
        return reservations.values().stream().mapToInt(Integer::intValue).sum();
    }

    int shipped() {
        return shipped;
    }
}
