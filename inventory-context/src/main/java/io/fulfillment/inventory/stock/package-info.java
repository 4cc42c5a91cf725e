/** Stock of each product, kept by the event-sourced {@link io.fulfillment.inventory.stock.Product} aggregate. */
package io.fulfillment.inventory.stock;
