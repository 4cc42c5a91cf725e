package io.fulfillment.gateway.details;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order details aggregation: which backends hold the three parts, how long each call may take, and how many calls
 * may run at once (further calls wait in a queue of {@code queueCapacity}, beyond which a part is unavailable).
 */
@ConfigurationProperties("fulfillment.gateway.details")
record DetailsProperties(
        @DefaultValue("order-query") String orderBackend,
        @DefaultValue("payment") String paymentBackend,
        @DefaultValue("shipping") String shipmentBackend,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("16") int threads,
        @DefaultValue("256") int queueCapacity) {}
