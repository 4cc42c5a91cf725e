/** The lifecycle of one payment, from the charge request through the provider's answer to an eventual refund. */
package io.fulfillment.payment.charge;
