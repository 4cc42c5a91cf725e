package io.fulfillment.chassis.embedded;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;

/**
 * The embedded mode's saga store: Axon's JDBC saga store behind two bounded heap caches, one of sagas by id and one of
 * association lookups (the ids of the sagas of a type that an association value names), so a saga's processor does
 * not read the saga and its lookup back from H2 for every event. Each cache holds at most {@code
 * fulfillment.saga-cache.max-entries} entries (EhCache through Axon's adapter); an entry dropped for room is read from the
 * store again. A saga that ends leaves the cache.
 *
 * <p>Axon's {@code CachingSagaStore} is not safe on its own when a unit of work rolls back: it hands out the cached saga
 * itself, which the handlers change in place, and it changes its cached sagas and lookups while the unit of work
 * prepares its commit. A unit of work that rolls back after that (a handler that fails, a deadline that cannot be
 * cancelled, a commit that fails) would leave in the cache what the store never kept. Here:
 *
 * <ul>
 *   <li>A saga that a unit of work loaded, created, changed or ended is evicted when that unit of work rolls back
 *       (also a nested one that committed into a parent that rolls back later). Axon touches a saga only under its
 *       saga repository's lock on it, which it holds until the unit of work's clean-up ({@code LockingSagaRepository}),
 *       so nothing else reads the saga between the change and the eviction.
 *   <li>Lookups are read without that lock (a subscribing saga processor reads them on whichever thread publishes). An
 *       association that a unit of work adds or removes marks its lookup as changing: until that unit of work has
 *       committed or rolled back, the lookup is read from the store and not cached, by any thread; then it is evicted.
 *       A lookup is put into the cache only under a lock that the eviction takes too, so a lookup read from the store
 *       before a commit cannot outlive it. The lookup cache holds committed associations only.
 *   <li>Outside a unit of work, or in one too far along to roll back, nothing is read from the caches or put into them,
 *       and a write evicts the saga and the lookups it changes.
 * </ul>
 *
 * <p>Only the embedded mode uses it: one process does all of a saga type's work there. In the distributed mode a saga's
 * segment can move to another instance of its service and back, and a saga changed there would be stale here; that
 * mode keeps Axon's MongoDB saga store without a cache (ADR 0020).
 */
public final class RollbackSafeCachingSagaStore implements SagaStore<Object>, AutoCloseable {

    private static final int LOOKUP_LOCKS = 64;

    private final SagaStore<Object> store;
    private final CacheManager cacheManager;
    private final Cache sagas;
    private final Cache lookups;
    /** Lookups changed by units of work that have not committed or rolled back yet, with how many such units. */
    private final Map<String, Integer> changingLookups = new ConcurrentHashMap<>();

    private final ReentrantLock[] lookupLocks =
            Stream.generate(ReentrantLock::new).limit(LOOKUP_LOCKS).toArray(ReentrantLock[]::new);
    private final String unitOfWorkResource = getClass().getName() + "@" + System.identityHashCode(this);

    RollbackSafeCachingSagaStore(SagaStore<Object> store, long entriesPerCache) {
        this.store = store;
        this.cacheManager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
        this.sagas = heapCache("sagas", entriesPerCache);
        this.lookups = heapCache("saga-association-lookups", entriesPerCache);
    }

    private Cache heapCache(String name, long entries) {
        org.ehcache.Cache<Object, Object> cache = cacheManager.createCache(
                name,
                CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        Object.class, Object.class, ResourcePoolsBuilder.heap(entries)));
        return new EhCache3Adapter((Ehcache<Object, Object>) cache);
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        if (unitOfWorkThatCanRollBack().isEmpty()) {
            return store.findSagas(sagaType, associationValue);
        }
        String lookup = lookupKey(sagaType, associationValue);
        ReentrantLock lock = lockOf(lookup);
        lock.lock();
        try {
            if (changingLookups.containsKey(lookup)) {
                return store.findSagas(sagaType, associationValue);
            }
            Set<String> sagaIds = lookups.get(lookup);
            if (sagaIds == null) {
                sagaIds = Set.copyOf(store.findSagas(sagaType, associationValue));
                lookups.put(lookup, sagaIds);
            }
            return sagaIds;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        Optional<UnitOfWork<?>> unitOfWork = unitOfWorkThatCanRollBack();
        if (unitOfWork.isEmpty()) {
            return store.loadSaga(sagaType, sagaIdentifier);
        }
        accessOf(unitOfWork.get()).sagas.add(sagaIdentifier);
        CachedSaga<S> cached = sagas.get(sagaIdentifier);
        if (cached == null) {
            Entry<S> stored = store.loadSaga(sagaType, sagaIdentifier);
            if (stored == null) {
                return null;
            }
            cached = new CachedSaga<>(stored.saga(), Set.copyOf(stored.associationValues()));
            sagas.put(sagaIdentifier, cached);
        }
        return cached;
    }

    @Override
    public void insertSaga(
            Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        Set<AssociationValue> stored = Set.copyOf(associationValues);
        write(
                sagaType,
                sagaIdentifier,
                stored,
                new CachedSaga<>(saga, stored),
                () -> store.insertSaga(sagaType, sagaIdentifier, saga, associationValues));
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        Set<AssociationValue> changed = Stream.concat(
                        associationValues.addedAssociations().stream(),
                        associationValues.removedAssociations().stream())
                .collect(Collectors.toUnmodifiableSet());
        CachedSaga<Object> updated = new CachedSaga<>(saga, Set.copyOf(associationValues.asSet()));
        write(
                sagaType,
                sagaIdentifier,
                changed,
                updated,
                () -> store.updateSaga(sagaType, sagaIdentifier, saga, associationValues));
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        write(
                sagaType,
                sagaIdentifier,
                Set.copyOf(associationValues),
                null,
                () -> store.deleteSaga(sagaType, sagaIdentifier, associationValues));
    }

    /**
     * Marks the changed lookups, writes to the store, and caches the written saga ({@code null}: ended) for the rest of
     * its unit of work, which evicts it if it rolls back and evicts the lookups when it ends either way.
     */
    private void write(
            Class<?> sagaType,
            String sagaIdentifier,
            Set<AssociationValue> changedAssociations,
            CachedSaga<Object> written,
            Runnable storeWrite) {
        Set<String> changedLookups = changedAssociations.stream()
                .map(associationValue -> lookupKey(sagaType, associationValue))
                .collect(Collectors.toSet());
        Optional<UnitOfWork<?>> unitOfWork = unitOfWorkThatCanRollBack();
        if (unitOfWork.isEmpty()) {
            changedLookups.forEach(this::markChanging);
            try {
                storeWrite.run();
            } finally {
                sagas.remove(sagaIdentifier);
                changedLookups.forEach(this::evictChanged);
            }
            return;
        }
        UnitOfWorkAccess access = accessOf(unitOfWork.get());
        access.sagas.add(sagaIdentifier);
        changedLookups.stream().filter(access.changedLookups::add).forEach(this::markChanging);
        storeWrite.run();
        if (written == null) {
            sagas.remove(sagaIdentifier);
        } else {
            sagas.put(sagaIdentifier, written);
        }
    }

    private void markChanging(String lookup) {
        changingLookups.merge(lookup, 1, Integer::sum);
    }

    private void evictChanged(String lookup) {
        ReentrantLock lock = lockOf(lookup);
        lock.lock();
        try {
            lookups.remove(lookup);
            changingLookups.computeIfPresent(lookup, (key, units) -> units > 1 ? units - 1 : null);
        } finally {
            lock.unlock();
        }
    }

    private UnitOfWorkAccess accessOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(unitOfWorkResource, key -> {
            UnitOfWorkAccess access = new UnitOfWorkAccess();
            unitOfWork.afterCommit(committed -> access.changedLookups.forEach(this::evictChanged));
            unitOfWork.onRollback(rolledBack -> {
                access.sagas.forEach(sagas::remove);
                access.changedLookups.forEach(this::evictChanged);
            });
            return access;
        });
    }

    /** The current unit of work, unless there is none or it is already past the point where it could roll back. */
    private static Optional<UnitOfWork<?>> unitOfWorkThatCanRollBack() {
        return CurrentUnitOfWork.<UnitOfWork<?>>map(unitOfWork -> unitOfWork)
                .filter(unitOfWork ->
                        unitOfWork.isActive() && unitOfWork.phase().isBefore(UnitOfWork.Phase.ROLLBACK));
    }

    private ReentrantLock lockOf(String lookup) {
        return lookupLocks[Math.floorMod(lookup.hashCode(), LOOKUP_LOCKS)];
    }

    private static String lookupKey(Class<?> sagaType, AssociationValue associationValue) {
        return sagaType.getName() + "/" + associationValue.getKey() + "=" + associationValue.getValue();
    }

    @Override
    public void close() {
        cacheManager.close();
    }

    /** What one unit of work touched: the sagas it read or wrote, and the lookups it changed. */
    private static final class UnitOfWorkAccess {
        private final Set<String> sagas = new HashSet<>();
        private final Set<String> changedLookups = new HashSet<>();
    }

    private record CachedSaga<S>(S saga, Set<AssociationValue> associationValues) implements Entry<S> {}
}
