package io.fulfillment.contracts.shipping;

/** Why the carrier cannot deliver to an address. */
public enum DeliveryRefusal {
    /** No shipping address was given. */
    NO_ADDRESS,
    /** The address names no country. */
    NO_COUNTRY,
    /** The address's country is outside the delivery area. */
    COUNTRY_NOT_SERVED,
    /** The address has no postal code. */
    NO_POSTAL_CODE
}
