package io.fulfillment.payment.provider;

import io.fulfillment.contracts.payment.PaymentFailure;

/**
 * The provider could not be reached or kept failing, after the retries the configuration allows, or the circuit
 * breaker did not even let the call through, or it refused the request. {@link #failure()} is what a payment records
 * when its charge fails; the message is for the log only.
 */
public class PaymentProviderException extends RuntimeException {

    private final PaymentFailure failure;

    PaymentProviderException(PaymentFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public PaymentFailure failure() {
        return failure;
    }
}
