/** The journey of one shipment from scheduling through dispatch to delivery, within the area the carrier serves. */
package io.fulfillment.shipping.delivery;
