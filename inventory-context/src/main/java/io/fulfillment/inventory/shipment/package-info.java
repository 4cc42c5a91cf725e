/**
 * Stock leaving with shipments, choreographed rather than orchestrated: the inventory reacts to the shipping
 * context's {@code ShipmentDispatchedEvent} on its own, because by then the order saga has finished its work and no
 * decision of the order depends on the commit.
 */
package io.fulfillment.inventory.shipment;
