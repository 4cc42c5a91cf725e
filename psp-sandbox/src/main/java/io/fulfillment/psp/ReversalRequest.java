package io.fulfillment.psp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Give back whatever was charged under {@code chargeIdempotencyKey} and take no charge under that key anymore: what a
 * caller asks when it gave up on a charge without learning whether it went through.
 */
record ReversalRequest(@NotBlank @Size(max = 200) String chargeIdempotencyKey) {}
