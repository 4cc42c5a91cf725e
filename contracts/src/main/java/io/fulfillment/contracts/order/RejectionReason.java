package io.fulfillment.contracts.order;

/**
 * Why an order was rejected or cancelled, as clients see it: the {@code code} to act on and a {@code message} for a
 * person, which the query side words from the code (for a cancellation: the words its requester gave).
 */
public record RejectionReason(RejectionCode code, String message) {}
