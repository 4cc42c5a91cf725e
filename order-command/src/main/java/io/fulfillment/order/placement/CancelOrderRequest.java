package io.fulfillment.order.placement;

import jakarta.validation.constraints.Size;

/** Why the customer cancels; the reason is optional. */
record CancelOrderRequest(@Size(max = 500) String reason) {}
