package io.fulfillment.contracts.payment;

/** Why a charge could not be made (the provider gave no answer on it, unlike a decline). */
public enum PaymentFailure {
    /** The provider did not answer in time, answered with a server error, or its circuit was open. */
    PROVIDER_UNAVAILABLE,
    /** The provider refused the request itself (a client error), so repeating it would not help. */
    PROVIDER_REFUSED_REQUEST
}
