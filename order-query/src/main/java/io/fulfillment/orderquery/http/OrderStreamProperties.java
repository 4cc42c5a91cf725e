package io.fulfillment.orderquery.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the live status stream.
 *
 * @param timeout how long one stream stays open before the server ends it; a client that still cares reconnects
 * @param initialResultTimeout how long opening a stream waits for the order's current summary
 */
@ConfigurationProperties("fulfillment.order-query.stream")
record OrderStreamProperties(
        @DefaultValue("5m") Duration timeout, @DefaultValue("10s") Duration initialResultTimeout) {}
