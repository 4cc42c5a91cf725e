/**
 * Turns payment requests into charges and refund requests into refunds at the payment service provider, and records
 * the provider's answers on the payment; a charge whose answers were lost is looked up under its idempotency key before
 * it is recorded as failed. This is where the HTTP calls happen, outside the aggregate, in the
 * {@code payment-psp} processing group; they are side effects, so the group never replays.
 */
package io.fulfillment.payment.processing;
