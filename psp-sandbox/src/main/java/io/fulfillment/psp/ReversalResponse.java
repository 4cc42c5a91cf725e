package io.fulfillment.psp;

/**
 * What a reversal found under the charge key: {@code transactionId} is null when no charge had been made,
 * {@code refundId} is null when nothing was refunded (no charge, or a declined one).
 */
record ReversalResponse(String chargeIdempotencyKey, String transactionId, String refundId) {}
