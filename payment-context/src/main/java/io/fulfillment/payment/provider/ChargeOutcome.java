package io.fulfillment.payment.provider;

/** The provider's answer to a charge. A decline is an answer, not a failure: it is never retried. */
public sealed interface ChargeOutcome {

    record Approved(String transactionId) implements ChargeOutcome {}

    record Declined(String transactionId, String reason) implements ChargeOutcome {}
}
