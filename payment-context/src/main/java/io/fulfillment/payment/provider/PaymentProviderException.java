package io.fulfillment.payment.provider;

/**
 * The provider could not be reached or kept failing, after the retries the configuration allows, or the circuit
 * breaker did not even let the call through. The message is the reason a payment records when it fails.
 */
public class PaymentProviderException extends RuntimeException {

    PaymentProviderException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
