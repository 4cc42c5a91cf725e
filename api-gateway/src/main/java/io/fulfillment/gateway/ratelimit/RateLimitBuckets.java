package io.fulfillment.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Where the rate limit's token buckets live: Bucket4j's proxy manager over Redis (Lettuce) when one is configured, so
 * that the budget of a caller is one budget however many gateway replicas serve them, or over a Caffeine cache in this
 * process. A bucket is dropped once it would have refilled completely, so idle callers cost nothing in either store.
 */
final class RateLimitBuckets implements DisposableBean {

    /** Every gateway's buckets share this key prefix in Redis, followed by the caller's key. */
    static final String REDIS_KEY_PREFIX = "fulfillment:gateway:rate-limit:";

    private static final Logger log = LoggerFactory.getLogger(RateLimitBuckets.class);
    private static final Duration KEEP_FULL_BUCKETS_FOR = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ProxyManager<String> proxyManager;
    private final RedisClient redis;
    private final StatefulRedisConnection<String, byte[]> connection;

    private RateLimitBuckets(
            ProxyManager<String> proxyManager, RedisClient redis, StatefulRedisConnection<String, byte[]> connection) {
        this.proxyManager = proxyManager;
        this.redis = redis;
        this.connection = connection;
    }

    static RateLimitBuckets of(RateLimitProperties properties) {
        if (!properties.redis().configured()) {
            return new RateLimitBuckets(
                    Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(properties.maxKeys()))
                            .expirationAfterWrite(expiry())
                            .build(),
                    null,
                    null);
        }
        Duration timeout = properties.redis().timeout();
        RedisURI uri = RedisURI.create(properties.redis().uri());
        uri.setTimeout(CONNECT_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        // each command, unlike the connection's handshake, waits no longer than a request may
        client.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        log.info("rate-limit buckets in Redis at {}:{}", uri.getHost(), uri.getPort());
        ProxyManager<String> redisBuckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(expiry())
                .requestTimeout(timeout)
                .build();
        return new RateLimitBuckets(redisBuckets.withMapper(key -> REDIS_KEY_PREFIX + key), client, connection);
    }

    ProxyManager<String> proxyManager() {
        return proxyManager;
    }

    boolean shared() {
        return redis != null;
    }

    private static ExpirationAfterWriteStrategy expiry() {
        return ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS_FOR);
    }

    @Override
    public void destroy() {
        if (redis != null) {
            connection.close();
            redis.shutdown();
        }
    }
}
