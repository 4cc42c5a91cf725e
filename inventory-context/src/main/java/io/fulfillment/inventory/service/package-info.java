/**
 * The standalone service of the inventory context (distributed mode): a launcher and nothing else; the context itself is
 * {@link io.fulfillment.inventory.InventoryConfiguration}.
 */
package io.fulfillment.inventory.service;
