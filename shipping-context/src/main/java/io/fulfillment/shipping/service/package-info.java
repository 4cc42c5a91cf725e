/** The standalone service of the shipping-context context (distributed mode); the context itself is {@link io.fulfillment.shipping.ShippingConfiguration}. */
package io.fulfillment.shipping.service;
