package io.fulfillment.order.fulfillment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the fulfillment saga waits for each other context before it gives up on the step, and how it retries.
 *
 * @param stockReservationTimeout wait for inventory to answer every line's reservation
 * @param paymentTimeout wait for the payment to be charged, declined or failed
 * @param shipmentTimeout wait for shipping to schedule or reject the shipment
 * @param orderUpdateTimeout wait for the order to record its confirmation or rejection before asking again
 * @param backlogRecheckInterval a deadline that comes due while the saga still has stored events to handle looks again
 *     after this long (see {@link SagaBacklog})
 * @param commandRetries how often a command that failed for a technical reason is sent again
 * @param commandRetryBackoff the first retry's delay; each next one waits twice as long
 */
@ConfigurationProperties("fulfillment.saga")
public record SagaProperties(
        @DefaultValue("30s") Duration stockReservationTimeout,
        @DefaultValue("60s") Duration paymentTimeout,
        @DefaultValue("30s") Duration shipmentTimeout,
        @DefaultValue("10s") Duration orderUpdateTimeout,
        @DefaultValue("1s") Duration backlogRecheckInterval,
        @DefaultValue("8") int commandRetries,
        @DefaultValue("200ms") Duration commandRetryBackoff) {}
