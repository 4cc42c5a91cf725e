package io.fulfillment.payment.provider;

/** A 4xx answer: the request itself is wrong, so repeating it cannot help and says nothing about the provider's health. */
class PspRequestRejectedException extends RuntimeException {

    PspRequestRejectedException(String message) {
        super(message);
    }
}
