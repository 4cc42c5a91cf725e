/** The standalone service of the inventory-context context (distributed mode); the context itself is {@link io.fulfillment.inventory.InventoryConfiguration}. */
package io.fulfillment.inventory.service;
