/** The JSON shape of the contracts, shared by REST and by Axon's serializer. */
package io.fulfillment.chassis.json;
