package io.fulfillment.chassis.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.chassis.json.ContractIdsModule;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderPaidEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentFailure;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.shipping.DeliveryRefusal;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each upcaster on a stored revision-1 payload, through Axon's upcasting and the Jackson serializer. */
class EventUpcastersTest {

    private static final OrderId ORDER = OrderId.of("order-1");
    private static final PaymentId PAYMENT = PaymentId.of("payment-order-1");
    private static final ShipmentId SHIPMENT = ShipmentId.of("shipment-order-1");

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new ContractIdsModule()))
            .build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(EventUpcasters.all());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "out of stock: product mouse (requested 5, available 1) | OUT_OF_STOCK",
                "payment declined: insufficient funds | PAYMENT_DECLINED",
                "payment failed: payment provider unavailable (circuit open) | PAYMENT_FAILED",
                "shipment rejected: country 'AQ' is outside the delivery area | ADDRESS_NOT_DELIVERABLE",
                "stock reservation timed out | STOCK_RESERVATION_TIMED_OUT",
                "payment timed out | PAYMENT_TIMED_OUT",
                "shipment scheduling timed out | SHIPMENT_SCHEDULING_TIMED_OUT",
                "something nobody wrote | UNSPECIFIED",
            })
    void readsAnOrderRejectionTextAsItsCode(String text, RejectionCode code) {
        Object event = read(OrderRejectedEvent.class, "{\"orderId\":\"order-1\",\"reason\":\"" + text + "\"}");

        assertThat(event).isEqualTo(new OrderRejectedEvent(ORDER, code));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "payment provider failed after 3 attempts: charge answered 503 | PROVIDER_UNAVAILABLE",
                "payment provider unavailable (circuit open) | PROVIDER_UNAVAILABLE",
                "payment provider call failed: no answer within the time limit | PROVIDER_UNAVAILABLE",
                "payment provider refused the charge: charge answered 400 | PROVIDER_REFUSED_REQUEST",
            })
    void readsAPaymentFailureMessageAsItsCode(String text, PaymentFailure failure) {
        Object event = read(
                PaymentFailedEvent.class,
                "{\"paymentId\":\"payment-order-1\",\"orderId\":\"order-1\",\"reason\":\"" + text + "\"}");

        assertThat(event).isEqualTo(new PaymentFailedEvent(PAYMENT, ORDER, failure));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "no shipping address was given | NO_ADDRESS",
                "the address has no country | NO_COUNTRY",
                "country 'JP' is outside the delivery area | COUNTRY_NOT_SERVED",
                "the address has no postal code | NO_POSTAL_CODE",
            })
    void readsADeliveryRefusalTextAsItsCode(String text, DeliveryRefusal refusal) {
        Object event = read(
                ShipmentRejectedEvent.class,
                "{\"shipmentId\":\"shipment-order-1\",\"orderId\":\"order-1\",\"reason\":\"" + text + "\"}");

        assertThat(event).isEqualTo(new ShipmentRejectedEvent(SHIPMENT, ORDER, refusal));
    }

    @Test
    void readsARefundRequestWithoutItsChargeAsOneWhoseChargeIsUnknown() {
        Object event = read(
                RefundRequestedEvent.class,
                "{\"paymentId\":\"payment-order-1\",\"orderId\":\"order-1\","
                        + "\"amount\":{\"amount\":59.90,\"currency\":\"EUR\"},\"reason\":\"customer cancelled\"}");

        assertThat(event)
                .isEqualTo(
                        new RefundRequestedEvent(PAYMENT, ORDER, Money.of("59.90", "EUR"), null, "customer cancelled"));
    }

    @Test
    void leavesTheCurrentRevisionAndOtherEventsAlone() {
        RefundRequestedEvent current =
                new RefundRequestedEvent(PAYMENT, ORDER, Money.of("59.90", "EUR"), "psp-tx-1", "customer cancelled");

        assertThat(readStored(current)).isEqualTo(current);
        assertThat(readStored(new OrderPaidEvent(ORDER, PAYMENT))).isEqualTo(new OrderPaidEvent(ORDER, PAYMENT));
    }

    /** An event of the type stored without a revision, as every event was before ADR 0018. */
    private Object read(Class<?> type, String json) {
        return upcastAndDeserialize(entry(type.getName(), null, json));
    }

    /** An event as today's serializer stores it. */
    private Object readStored(Object payload) {
        var serialized = serializer.serialize(payload, byte[].class);
        return upcastAndDeserialize(entry(
                serialized.getType().getName(),
                serialized.getType().getRevision(),
                new String(serialized.getData(), StandardCharsets.UTF_8)));
    }

    private Object upcastAndDeserialize(DomainEventData<byte[]> entry) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, upcasters)
                .next()
                .getPayload();
    }

    private static DomainEventData<byte[]> entry(String type, String revision, String json) {
        return new GenericDomainEventEntry<>(
                "Aggregate",
                "aggregate-1",
                0,
                "event-1",
                Instant.parse("2026-11-01T10:00:00Z"),
                type,
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
