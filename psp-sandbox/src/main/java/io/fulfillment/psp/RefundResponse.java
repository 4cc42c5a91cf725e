package io.fulfillment.psp;

record RefundResponse(String refundId, String transactionId) {}
