package io.fulfillment.order.fulfillment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the fulfillment saga waits for each other context before it gives up on the step and compensates.
 *
 * @param stockReservationTimeout wait for inventory to answer every line's reservation
 * @param paymentTimeout wait for the payment to be charged, declined or failed
 * @param shipmentTimeout wait for shipping to schedule or reject the shipment
 */
@ConfigurationProperties("fulfillment.saga")
public record SagaProperties(
        @DefaultValue("30s") Duration stockReservationTimeout,
        @DefaultValue("60s") Duration paymentTimeout,
        @DefaultValue("30s") Duration shipmentTimeout) {}
