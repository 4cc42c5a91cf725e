/**
 * The product catalogue as customers and other contexts see it: a MongoDB read model of every product with its price
 * and stock levels, the queries that answer from it (the order context prices orders with {@code FindProductsQuery}),
 * the {@code /products} REST API and the demo catalogue registered at startup.
 */
package io.fulfillment.inventory.catalogue;
