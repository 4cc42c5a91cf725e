package io.fulfillment.contracts.order;

/**
 * Why an order did not go through, as a code a client can act on. The words shown to a person are chosen where the
 * order is shown, from the code; no refusal's text from another context or from a failure travels with it.
 */
public enum RejectionCode {
    /** A product had fewer units available than the order asked for. */
    OUT_OF_STOCK,
    /** The payment provider declined the charge. */
    PAYMENT_DECLINED,
    /** The charge could not be made: the payment provider was unavailable or refused the request. */
    PAYMENT_FAILED,
    /** The carrier does not deliver to the shipping address. */
    ADDRESS_NOT_DELIVERABLE,
    /** Inventory did not answer the stock reservation in time. */
    STOCK_RESERVATION_TIMED_OUT,
    /** The payment did not complete in time. */
    PAYMENT_TIMED_OUT,
    /** Shipping did not answer the shipment request in time. */
    SHIPMENT_SCHEDULING_TIMED_OUT,
    /** The customer (or staff on their behalf) cancelled the order; appears in summaries, never in a rejection. */
    CANCELLED,
    /** A rejection recorded before reasons were codes, whose text matched none of the known reasons. */
    UNSPECIFIED
}
