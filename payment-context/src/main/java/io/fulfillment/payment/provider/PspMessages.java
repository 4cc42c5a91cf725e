package io.fulfillment.payment.provider;

import java.math.BigDecimal;

/** The provider's wire format: its own API, not this system's contracts. */
final class PspMessages {

    static final String APPROVED = "APPROVED";

    private PspMessages() {}

    record ChargeRequest(String reference, BigDecimal amount, String currency) {}

    record ChargeResponse(String transactionId, String outcome, String declineReason) {}

    record RefundRequest(String transactionId, BigDecimal amount, String currency) {}

    record RefundResponse(String refundId, String transactionId) {}

    record ReversalRequest(String chargeIdempotencyKey) {}

    record ReversalResponse(String chargeIdempotencyKey, String transactionId, String refundId) {}
}
