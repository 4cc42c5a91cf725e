/**
 * The standalone service of the order command context (distributed mode): a launcher and nothing else; the context itself is
 * {@link io.fulfillment.order.OrderConfiguration}.
 */
package io.fulfillment.order.service;
