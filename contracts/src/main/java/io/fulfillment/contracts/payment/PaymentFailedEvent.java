package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The charge could not be made because the payment provider was unavailable or failing.
 *
 * <p>Revision 2: the reason is a {@link PaymentFailure}; revision 1 carried the failure's message, upcast by its code
 * (ADR 0018).
 */
@Revision("2")
public record PaymentFailedEvent(PaymentId paymentId, OrderId orderId, PaymentFailure reason) implements OrderEvent {}
