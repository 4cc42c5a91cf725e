/** The standalone service of the order-query context (distributed mode); the context itself is {@link io.fulfillment.orderquery.OrderQueryConfiguration}. */
package io.fulfillment.orderquery.service;
