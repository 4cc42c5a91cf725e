package io.fulfillment.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets: each authenticated caller (JWT subject) and each anonymous client address gets {@code capacity}
 * requests, refilled greedily over {@code period}.
 *
 * <p>Where the buckets live: with {@code redis.uri} set, in that Redis, so every gateway replica draws on the same
 * budget; otherwise in this process, at most {@code maxKeys} of them (least recently used evicted) — right for one
 * gateway and for the all-in-one process, which needs no Redis.
 */
@ConfigurationProperties("fulfillment.gateway.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Limit customer,
        @DefaultValue Limit anonymous,
        @DefaultValue("100000") long maxKeys,
        @DefaultValue Redis redis) {

    record Limit(@DefaultValue("60") long capacity, @DefaultValue("1m") Duration period) {}

    /**
     * @param uri e.g. {@code redis://redis:6379}; empty for buckets in this process
     * @param timeout how long a request waits for Redis before it is let through unlimited
     */
    record Redis(String uri, @DefaultValue("500ms") Duration timeout) {

        boolean configured() {
            return uri != null && !uri.isBlank();
        }
    }
}
