package io.fulfillment.contracts.shipping;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * Delivery could not be scheduled, for example because the address is outside the delivery area.
 *
 * <p>Revision 2: the reason is a {@link DeliveryRefusal}; revision 1 carried its text, upcast by its code (ADR 0018).
 */
@Revision("2")
public record ShipmentRejectedEvent(ShipmentId shipmentId, OrderId orderId, DeliveryRefusal reason)
        implements OrderEvent {}
