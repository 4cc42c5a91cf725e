/**
 * The carrier's side of a shipment: it reports pickup (dispatch) and delivery over HTTP. A simulated carrier that picks
 * up every scheduled shipment at once can be switched on for demos ({@code fulfillment.shipping.carrier.auto-dispatch}).
 */
package io.fulfillment.shipping.carrier;
