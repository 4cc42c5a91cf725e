/** Placing and cancelling orders over HTTP: validation, catalogue prices and idempotency keys. */
package io.fulfillment.order.placement;
