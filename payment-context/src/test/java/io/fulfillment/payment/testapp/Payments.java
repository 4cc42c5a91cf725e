package io.fulfillment.payment.testapp;

import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.RequestPaymentCommand;

/** Object Mother for the payment ITs: each payment with fresh ids. */
final class Payments {

    static final Money ORDER_TOTAL = Money.of("49.90", "EUR");
    static final CustomerId ADA = CustomerId.of("customer-ada");

    private Payments() {}

    static RequestPaymentCommand paymentOfOrderTotal() {
        return new RequestPaymentCommand(PaymentId.newId(), OrderId.newId(), ADA, ORDER_TOTAL);
    }
}
