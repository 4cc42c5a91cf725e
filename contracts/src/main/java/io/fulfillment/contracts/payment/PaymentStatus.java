package io.fulfillment.contracts.payment;

/** Where a payment stands between request and refund. */
public enum PaymentStatus {
    REQUESTED,
    CHARGED,
    DECLINED,
    FAILED,
    CANCELLED,
    REFUND_REQUESTED,
    REFUNDED
}
