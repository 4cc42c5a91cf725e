package io.fulfillment.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets: each authenticated caller (JWT subject) and each anonymous client address gets {@code capacity}
 * requests, refilled greedily over {@code period}. At most {@code maxKeys} buckets are kept in memory (least recently
 * used evicted).
 */
@ConfigurationProperties("fulfillment.gateway.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Limit customer,
        @DefaultValue Limit anonymous,
        @DefaultValue("100000") long maxKeys) {

    record Limit(@DefaultValue("60") long capacity, @DefaultValue("1m") Duration period) {}
}
