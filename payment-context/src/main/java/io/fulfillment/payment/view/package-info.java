/** The payment read model ({@code payment-view}): where each payment stands, looked up by payment or by order. */
package io.fulfillment.payment.view;
