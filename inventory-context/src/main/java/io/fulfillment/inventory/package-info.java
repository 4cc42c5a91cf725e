/** The inventory bounded context: the product catalogue and the stock that orders reserve, release and ship. */
package io.fulfillment.inventory;
