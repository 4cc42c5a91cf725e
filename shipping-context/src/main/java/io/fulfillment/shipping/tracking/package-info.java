/**
 * Where each shipment stands, as operators and customers see it: a read model kept from the shipment events and
 * answered by shipment id or by order id.
 */
package io.fulfillment.shipping.tracking;
