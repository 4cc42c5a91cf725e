package io.fulfillment.orderquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductRegisteredEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.shipping.ShipmentDeliveredEvent;
import io.fulfillment.contracts.shipping.ShipmentId;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.junit.jupiter.api.Test;

class OrderIdSequencingPolicyTest {

    private static final OrderId ORDER = OrderId.of("order-42");
    private static final ProductId KEYBOARD = ProductId.of("keyboard");
    private static final PaymentId PAYMENT = PaymentId.of("payment-order-42");
    private static final ShipmentId SHIPMENT = ShipmentId.of("shipment-order-42");
    private static final Money PRICE = Money.of("49.90", "EUR");

    private final OrderIdSequencingPolicy policy = new OrderIdSequencingPolicy();

    /** One order's story as its four kinds of aggregate publish it. */
    private static final List<EventMessage<?>> ONE_ORDER_FROM_FOUR_AGGREGATES = List.of(
            published("Order", ORDER.value(), 3, new OrderConfirmedEvent(ORDER)),
            published("Product", KEYBOARD.value(), 17, new StockReservedEvent(KEYBOARD, ORDER, 2)),
            published("Payment", PAYMENT.value(), 1, new PaymentChargedEvent(PAYMENT, ORDER, PRICE, "psp-1")),
            published("Shipment", SHIPMENT.value(), 2, new ShipmentDeliveredEvent(SHIPMENT, ORDER)));

    @Test
    void sequencesAnOrdersEventsTogetherWhicheverAggregatePublishedThem() {
        assertThat(ONE_ORDER_FROM_FOUR_AGGREGATES)
                .extracting(policy::getSequenceIdentifierFor)
                .containsOnly(ORDER.value());
    }

    @Test
    void needsToBecauseTheDefaultPolicySpreadsThemOverFourSequences() {
        assertThat(ONE_ORDER_FROM_FOUR_AGGREGATES)
                .extracting(SequentialPerAggregatePolicy.instance()::getSequenceIdentifierFor)
                .doesNotHaveDuplicates();
    }

    @Test
    void sequencesTheOrdersOwnEventsAsTheDefaultPolicyDoes() {
        EventMessage<?> confirmed = ONE_ORDER_FROM_FOUR_AGGREGATES.get(0);

        assertThat(policy.getSequenceIdentifierFor(confirmed))
                .isEqualTo(SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(confirmed));
    }

    @Test
    void sequencesAnEventNamingNoOrderByItsAggregate() {
        EventMessage<?> registered =
                published("Product", KEYBOARD.value(), 0, new ProductRegisteredEvent(KEYBOARD, "Keyboard", PRICE, 10));

        assertThat(policy.getSequenceIdentifierFor(registered)).isEqualTo(KEYBOARD.value());
    }

    @Test
    void leavesAnEventOfNoAggregateNamingNoOrderUnsequenced() {
        assertThat(policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("tick")))
                .isNull();
    }

    private static EventMessage<?> published(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload);
    }
}
