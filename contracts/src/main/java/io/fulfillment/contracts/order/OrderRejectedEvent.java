package io.fulfillment.contracts.order;

import org.axonframework.serialization.Revision;

/**
 * The order could not be fulfilled and every completed step was compensated.
 *
 * <p>Revision 2: the reason is a {@link RejectionCode}; revision 1 (no revision stored) carried the saga's text,
 * upcast by its code (ADR 0018).
 */
@Revision("2")
public record OrderRejectedEvent(OrderId orderId, RejectionCode reason) implements OrderEvent {}
