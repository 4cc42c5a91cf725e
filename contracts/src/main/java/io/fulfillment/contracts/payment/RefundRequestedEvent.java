package io.fulfillment.contracts.payment;

import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;
import org.axonframework.serialization.Revision;

/**
 * A refund of a charged payment was requested; {@code pspTransactionId} names the provider's charge to refund.
 *
 * <p>Revision 2 added {@code pspTransactionId}. Revision 1 events did not record it, and an upcaster cannot invent it:
 * they are upcast with it null, and the refund finds it in the payment's history (ADR 0018).
 */
@Revision("2")
public record RefundRequestedEvent(
        PaymentId paymentId, OrderId orderId, Money amount, String pspTransactionId, String reason)
        implements OrderEvent {}
