/**
 * Makes sure a payment that was not charged, as far as this system knows, leaves no money at the payment service
 * provider: a failed charge may have gone through with its answer lost or late, so the payment requests a reversal and
 * this feature has the provider give back whatever it holds under the payment's charge key, then records that on the
 * payment. A reversal the provider cannot make yet is parked in the {@code payment-reconciliation} dead-letter queue
 * and retried on a schedule.
 */
package io.fulfillment.payment.reconciliation;
