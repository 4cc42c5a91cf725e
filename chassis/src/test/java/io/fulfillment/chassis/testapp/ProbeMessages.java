package io.fulfillment.chassis.testapp;

import io.fulfillment.contracts.order.OrderId;
import java.time.Instant;

/** Messages of the test application only. */
final class ProbeMessages {

    private ProbeMessages() {}

    record EchoCorrelationCommand() {}

    record RefuseCommand(String code) {}

    record DeadlineRequestedEvent(OrderId orderId, Instant fireAt) {}

    record ProbeDeadline(OrderId orderId, Instant requestedAt, Instant dueAt) {}

    record PoisonEvent(String id) {}

    record ShipmentWantedEvent(String shipmentId) {}

    record ShipCommand(String shipmentId) {}

    record FiredDeadline(OrderId sagaOrderId, ProbeDeadline deadline, String correlationId, Instant firedAt) {}
}
