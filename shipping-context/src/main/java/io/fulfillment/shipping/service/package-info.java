/**
 * The standalone service of the shipping context (distributed mode): a launcher and nothing else; the context itself is
 * {@link io.fulfillment.shipping.ShippingConfiguration}.
 */
package io.fulfillment.shipping.service;
