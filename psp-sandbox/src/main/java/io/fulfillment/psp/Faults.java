package io.fulfillment.psp;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The sandbox's misbehaviour. Every call waits {@code latencyMillis} plus up to {@code latencyJitterMillis};
 * {@code errorRate} of them answer 503 (for calls that move money, half of those after the money moved, as when a
 * response is lost); {@code lostResponseRate} of the calls that move money (charges, refunds, reversals) do their work
 * and then answer 503, so that a test can lose every answer on purpose; a charge is declined with probability
 * {@code declineRate}; {@code outage} answers every call 503. A {@code seed} re-seeds the random draws.
 */
record Faults(
        @PositiveOrZero @Max(60_000) long latencyMillis,
        @PositiveOrZero @Max(60_000) long latencyJitterMillis,
        @DecimalMin("0") @DecimalMax("1") double errorRate,
        @DecimalMin("0") @DecimalMax("1") double lostResponseRate,
        @DecimalMin("0") @DecimalMax("1") double declineRate,
        boolean outage,
        Long seed) {

    static final Faults NONE = new Faults(0, 0, 0, 0, 0, false, null);
}
