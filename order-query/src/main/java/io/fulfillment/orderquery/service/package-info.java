/**
 * The standalone service of the order query context (distributed mode): a launcher and nothing else; the context itself is
 * {@link io.fulfillment.orderquery.OrderQueryConfiguration}.
 */
package io.fulfillment.orderquery.service;
