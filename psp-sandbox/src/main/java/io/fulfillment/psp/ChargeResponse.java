package io.fulfillment.psp;

/** The provider's answer to a charge; a decline is an answer, not an error. */
record ChargeResponse(String transactionId, Outcome outcome, String declineReason) {

    enum Outcome {
        APPROVED,
        DECLINED
    }
}
