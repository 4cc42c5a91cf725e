package io.fulfillment.payment.provider;

/** A failure worth retrying: a 5xx answer, an I/O error or a read timeout. Recorded by the circuit breaker. */
class PspUnavailableException extends RuntimeException {

    PspUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
