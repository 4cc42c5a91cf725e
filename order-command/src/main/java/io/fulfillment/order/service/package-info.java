/** The standalone service of the order-command context (distributed mode); the context itself is {@link io.fulfillment.order.OrderConfiguration}. */
package io.fulfillment.order.service;
