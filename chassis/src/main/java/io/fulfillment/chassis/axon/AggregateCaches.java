package io.fulfillment.chassis.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;

/**
 * Bounded, heap-only caches of event-sourced aggregates, one per aggregate type ({@code @Aggregate(cache = ...)}).
 * A cached aggregate is not re-sourced from the event store by the next command. Axon's caching repository keeps them
 * right across failures: a unit of work that rolls back evicts every aggregate it touched, and an aggregate whose
 * cached version is behind the store (another instance handled it) fails to append and is evicted. Bounded by entry
 * count, so the heap limit holds (weak references would be cleared by every collection of a small heap).
 */
public class AggregateCaches implements AutoCloseable {

    private final CacheManager cacheManager;
    private final long entriesPerAggregateType;

    public AggregateCaches(long entriesPerAggregateType) {
        this.cacheManager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
        this.entriesPerAggregateType = entriesPerAggregateType;
    }

    /** The cache of one aggregate type. */
    public Cache named(String aggregateType) {
        org.ehcache.Cache<Object, Object> cache = cacheManager.createCache(
                aggregateType,
                CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        Object.class, Object.class, ResourcePoolsBuilder.heap(entriesPerAggregateType)));
        return new EhCache3Adapter((Ehcache<Object, Object>) cache);
    }

    @Override
    public void close() {
        cacheManager.close();
    }
}
