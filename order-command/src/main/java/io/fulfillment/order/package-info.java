/** The order command side: the order aggregate, its fulfillment saga and the configuration hosting them. */
package io.fulfillment.order;
