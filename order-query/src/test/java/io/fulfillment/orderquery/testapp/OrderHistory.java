package io.fulfillment.orderquery.testapp;

import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderConfirmedEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderStockReservedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Whole order histories as the order aggregate publishes them, for tests that need many orders at once. */
public final class OrderHistory {

    private static final Money PRICE = Money.of("12.50", "EUR");
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "1 Analytical Way", "10115", "Berlin", "DE");

    private OrderHistory() {}

    /** The events of an order that was placed, got its stock, was paid and confirmed: sequence numbers 0 to 3. */
    public static List<EventMessage<?>> fulfilled(OrderId orderId, CustomerId customerId) {
        List<Object> payloads = List.of(
                new OrderPlacedEvent(
                        orderId, customerId, List.of(new OrderLine(ProductId.newId(), 2, PRICE)), ADDRESS, PRICE),
                new OrderStockReservedEvent(orderId),
                new OrderPaidEvent(orderId, PaymentId.newId()),
                new OrderConfirmedEvent(orderId));
        return IntStream.range(0, payloads.size())
                .<EventMessage<?>>mapToObj(sequence -> new GenericDomainEventMessage<>(
                        "Order",
                        orderId.toString(),
                        sequence,
                        payloads.get(sequence),
                        MetaData.with(CorrelationId.METADATA_KEY, orderId.toString())))
                .toList();
    }
}
