package io.fulfillment.payment.provider;

/**
 * What the provider gave back when it reversed a payment's charge key: {@code transactionId} names the charge it had
 * made (null if none), {@code refundId} the refund of it (null if there was nothing to refund).
 */
public record ChargeReversal(String transactionId, String refundId) {}
