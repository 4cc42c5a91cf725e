package io.fulfillment.chassis.admin;

import com.mongodb.client.model.IndexOptions;
import io.fulfillment.chassis.admin.RebuildStatus.Phase;
import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.chassis.mongo.ReadModelGenerations;
import io.fulfillment.chassis.mongo.ReadModelGenerations.Generation;
import io.fulfillment.chassis.mongo.ReadModelIndexes;
import io.fulfillment.chassis.mongo.RebuildableReadModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Blue/green rebuilds of read models: queries keep reading the current generation of a read model's collections while a
 * second pooled streaming processor ({@code <read model>@g<n>}, its own token, starting at the tail of the event store)
 * fills the next generation with the read model's own handlers. Once that processor is within {@code switchLag} events
 * of the head the live processor is paused, the new one is let run until it has passed every event the live one
 * applied, and in one transaction the read model's generation pointer moves to the new generation and the live
 * processor's tokens take the new processor's position; the live processor then resumes on the new generation and the
 * old generation's collections are dropped after {@code dropAfter}. A query therefore reads either the complete old
 * generation or the complete new one, never an empty or half-built collection; the live view stands still for the
 * moment of the switch (well under a second on the embedded stores).
 *
 * <p>The order of the switch's writes makes a crash at any point harmless: the pointer is written before the tokens, so
 * a process that dies between the two resumes the live processor at its old position on the new generation, and its
 * handlers skip what that generation already holds (projections are idempotent per event). A rebuild that a restart
 * interrupts is started again from the beginning ({@link #start} drops what an earlier attempt left).
 *
 * <p>One process runs the switch: it must be able to claim every segment of the live processor. In the distributed
 * mode with several instances of a service the others hold segments, so the switch fails (the old generation keeps
 * serving) unless the service runs a single instance for the rebuild; see docs/operations.md.
 */
class ReadModelRebuilds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    private static final Duration SPEED_WINDOW = Duration.ofSeconds(5);

    private final Configuration axon;
    private final ReadModelGenerations generations;
    private final MongoTemplate mongo;
    private final MongoBatchWriter documents;
    private final Map<String, RebuildableReadModel> readModels;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor =
            Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("read-model-rebuilds-"));

    /**
     * @param pollInterval how often progress is sampled and the switch considered
     * @param switchLag how close to the head of the event store the new generation must be for the switch to start
     * @param switchTimeout how long the live processor may stay paused for the new one to pass its position
     * @param dropAfter how long after the switch the old generation is dropped: longer than any query takes and than
     *     other instances take to read the pointer again
     */
    record Settings(Duration pollInterval, long switchLag, Duration switchTimeout, Duration dropAfter) {}

    ReadModelRebuilds(
            Configuration axon,
            ReadModelGenerations generations,
            MongoTemplate mongo,
            MongoBatchWriter documents,
            List<RebuildableReadModel> readModels,
            Settings settings,
            Clock clock) {
        this.axon = axon;
        this.generations = generations;
        this.mongo = mongo;
        this.documents = documents;
        this.readModels =
                readModels.stream().collect(Collectors.toMap(RebuildableReadModel::name, Function.identity()));
        this.settings = settings;
        this.clock = clock;
        long poll = settings.pollInterval().toMillis();
        monitor.scheduleWithFixedDelay(this::advanceAll, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** Whether a blue/green rebuild of this processing group's read model is filling or switching right now. */
    boolean isRebuilding(String readModel) {
        Rebuild rebuild = rebuilds.get(readModel);
        return rebuild != null && rebuild.phase.isActive();
    }

    /** Starts filling the next generation of the read model; progress and the switch follow on their own. */
    synchronized RebuildStatus start(String name) {
        RebuildableReadModel readModel = readModels.get(name);
        if (readModel == null) {
            throw new UnknownProcessorException("rebuildable read model " + name);
        }
        if (isRebuilding(name)) {
            throw new RebuildInProgressException(name);
        }
        Generation serving = generations.current(name);
        Generation building = serving.next();
        String processorName = name + "@g" + building.number();
        discard(processorName, readModel, building);
        prepareCollections(readModel, serving, building);
        Rebuild rebuild = new Rebuild(readModel, serving, building, processorName, clock.instant());
        rebuild.processor = rebuildingProcessor(rebuild);
        rebuilds.put(name, rebuild);
        rebuild.processor.start();
        log.info(
                "Rebuilding read model {} into generation {} with processor {}",
                name,
                building.number(),
                processorName);
        return statusOf(rebuild);
    }

    RebuildStatus status(String name) {
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild == null) {
            throw new UnknownProcessorException("rebuild of " + name);
        }
        return statusOf(rebuild);
    }

    /** Stops a rebuild that has not switched yet and drops what it built. */
    synchronized RebuildStatus abort(String name) {
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild == null) {
            throw new UnknownProcessorException("rebuild of " + name);
        }
        if (rebuild.phase != Phase.REBUILDING) {
            throw new RebuildNotAbortableException(name, rebuild.phase);
        }
        rebuild.stopProcessor();
        discard(rebuild.processorName, rebuild.readModel, rebuild.building);
        rebuild.finish(Phase.ABORTED, null, clock.instant());
        return statusOf(rebuild);
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        rebuilds.values().forEach(Rebuild::stopProcessor);
    }

    private void advanceAll() {
        rebuilds.values().forEach(rebuild -> {
            try {
                advance(rebuild);
            } catch (RuntimeException e) {
                log.warn("Rebuild of {} could not advance", rebuild.readModel.name(), e);
            }
        });
    }

    private synchronized void advance(Rebuild rebuild) {
        if (rebuild.phase == Phase.SWITCHED
                && !clock.instant().isBefore(rebuild.finishedAt.plus(settings.dropAfter()))) {
            dropCollections(rebuild.readModel, rebuild.serving);
            rebuild.phase = Phase.DONE;
            log.info("Read model {}: generation {} dropped", rebuild.readModel.name(), rebuild.serving.number());
            return;
        }
        if (rebuild.phase != Phase.REBUILDING) {
            return;
        }
        Long head = headPosition();
        Long position = rebuild.position();
        rebuild.sample(clock.instant(), position);
        if (head != null && position != null && head - position <= settings.switchLag() && !rebuild.inError()) {
            switchOver(rebuild);
        }
    }

    /**
     * Pauses the live processor, lets the new one pass every event the live one applied, then moves the generation
     * pointer and the live processor's tokens in one transaction and resumes the live processor on the new generation.
     */
    private void switchOver(Rebuild rebuild) {
        String name = rebuild.readModel.name();
        rebuild.phase = Phase.SWITCHING;
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        StreamingEventProcessor live = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProcessorException("event processor " + name));
        TokenStore tokens = processing.tokenStore(name);
        TransactionManager transactions = processing.transactionManager(name);
        live.shutDown();
        try {
            long livePosition = transactions.fetchInTransaction(() -> furthestPosition(tokens, name));
            long deadline = System.nanoTime() + settings.switchTimeout().toNanos();
            while (rebuild.position() == null || rebuild.position() < livePosition) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the rebuilding processor did not reach position " + livePosition
                            + " of the live one within " + settings.switchTimeout());
                }
                pause();
            }
            rebuild.stopProcessor();
            transactions.executeInTransaction(() -> {
                generations.switchTo(rebuild.building);
                TrackingToken rebuilt = tokens.fetchToken(rebuild.processorName, 0);
                for (int segment : tokens.fetchSegments(name)) {
                    tokens.storeToken(rebuilt, name, segment);
                    tokens.releaseClaim(name, segment);
                }
                tokens.deleteToken(rebuild.processorName, 0);
            });
            rebuild.finish(Phase.SWITCHED, null, clock.instant());
            log.info(
                    "Read model {} now serves generation {}: {} events rebuilt in {}",
                    name,
                    rebuild.building.number(),
                    rebuild.lastDone(tailPosition()),
                    Duration.between(rebuild.startedAt, rebuild.finishedAt));
        } catch (RuntimeException e) {
            rebuild.stopProcessor();
            if (generations.current(name).equals(rebuild.building)) {
                // the pointer moved, the tokens did not: the live processor goes over what the new generation holds
                log.warn(
                        "Read model {} serves generation {}; its processor resumes from its own position",
                        name,
                        rebuild.building.number(),
                        e);
                rebuild.finish(Phase.SWITCHED, e.getMessage(), clock.instant());
            } else {
                log.error("Switch of read model {} to generation {} failed", name, rebuild.building.number(), e);
                rebuild.finish(Phase.FAILED, e.getMessage(), clock.instant());
            }
        } finally {
            live.start();
        }
    }

    private static long furthestPosition(TokenStore tokens, String processorName) {
        long furthest = -1;
        for (int segment : tokens.fetchSegments(processorName)) {
            TrackingToken token = tokens.fetchToken(processorName, segment);
            tokens.releaseClaim(processorName, segment);
            if (token != null) {
                furthest = Math.max(furthest, token.position().orElse(-1));
            }
        }
        return furthest;
    }

    private PooledStreamingEventProcessor rebuildingProcessor(Rebuild rebuild) {
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        String name = rebuild.readModel.name();
        Object handlers = rebuild.readModel.rebuildingHandlers().apply(rebuild.building);
        rebuild.coordinator = Executors.newSingleThreadScheduledExecutor(
                new CustomizableThreadFactory(rebuild.processorName + "-c-"));
        rebuild.worker = Executors.newSingleThreadScheduledExecutor(
                new CustomizableThreadFactory(rebuild.processorName + "-w-"));
        return PooledStreamingEventProcessor.builder()
                .name(rebuild.processorName)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handlers)
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .handlerDefinition(axon.handlerDefinition(handlers.getClass()))
                        .sequencingPolicy(processing.sequencingPolicy(name))
                        // a failing event stops the rebuild at that event (retried with back-off), it is never skipped
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(PropagatingErrorHandler.instance())
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .messageSource(axon.eventStore())
                .tokenStore(processing.tokenStore(name))
                .transactionManager(processing.transactionManager(name))
                .coordinatorExecutor(rebuild.coordinator)
                .workerExecutor(rebuild.worker)
                .initialSegmentCount(1)
                .batchSize(100)
                .tokenClaimInterval(settings.pollInterval().toMillis())
                .build();
    }

    /** Drops whatever an earlier, interrupted attempt left of this generation: its collections and its token. */
    private void discard(String processorName, RebuildableReadModel readModel, Generation building) {
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        TokenStore tokens = processing.tokenStore(readModel.name());
        processing.transactionManager(readModel.name()).executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(processorName)) {
                tokens.fetchToken(processorName, segment);
                tokens.deleteToken(processorName, segment);
            }
        });
        dropCollections(readModel, building);
    }

    private void dropCollections(RebuildableReadModel readModel, Generation generation) {
        for (Class<?> type : readModel.documentTypes()) {
            String collection = generation.collection(mongo.getCollectionName(type));
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
            documents.forgetAll(collection);
        }
    }

    /**
     * Creates the new generation's collections with the indexes of the current ones: those declared on the document
     * classes ({@code @Indexed}, {@code @CompoundIndex}) and those an application created on the serving collection at
     * start-up, so the new generation answers the same queries as fast once it serves.
     */
    private void prepareCollections(RebuildableReadModel readModel, Generation serving, Generation building) {
        for (Class<?> type : readModel.documentTypes()) {
            String base = mongo.getCollectionName(type);
            String target = building.collection(base);
            mongo.createCollection(target);
            new ReadModelIndexes(mongo, type).ensureOn(target);
            String source = serving.collection(base);
            if (mongo.collectionExists(source)) {
                for (Document index : mongo.getCollection(source).listIndexes()) {
                    if (!"_id_".equals(index.getString("name"))) {
                        mongo.getCollection(target).createIndex(index.get("key", Document.class), optionsOf(index));
                    }
                }
            }
        }
    }

    private static IndexOptions optionsOf(Document index) {
        IndexOptions options = new IndexOptions()
                .name(index.getString("name"))
                .unique(index.getBoolean("unique", false))
                .sparse(index.getBoolean("sparse", false));
        if (index.get("expireAfterSeconds") instanceof Number seconds) {
            options.expireAfter(seconds.longValue(), TimeUnit.SECONDS);
        }
        if (index.get("partialFilterExpression") instanceof Document filter) {
            options.partialFilterExpression(filter);
        }
        return options;
    }

    private Long headPosition() {
        TrackingToken head = axon.eventStore().createHeadToken();
        return head == null ? null : boxed(head.position());
    }

    private Long tailPosition() {
        TrackingToken tail = axon.eventStore().createTailToken();
        return tail == null ? -1L : tail.position().orElse(-1);
    }

    private RebuildStatus statusOf(Rebuild rebuild) {
        Long head = headPosition();
        long base = tailPosition();
        long total = head == null ? 0 : Math.max(0, head - base);
        Long position = rebuild.position();
        long done = rebuild.phase.isActive()
                ? Math.min(total, position == null ? 0 : Math.max(0, position - base))
                : rebuild.phase == Phase.ABORTED || rebuild.phase == Phase.FAILED ? rebuild.lastDone(base) : total;
        double speed = rebuild.speed();
        Long eta = rebuild.phase.isActive() && speed > 0 ? Math.round((total - done) / speed) : null;
        return new RebuildStatus(
                rebuild.readModel.name(),
                rebuild.phase,
                generations.current(rebuild.readModel.name()).number(),
                rebuild.building.number(),
                rebuild.processorName,
                done,
                total,
                Math.round(speed * 10) / 10.0,
                rebuild.phase.isActive() && done >= total ? Long.valueOf(0) : eta,
                rebuild.inError(),
                rebuild.startedAt,
                rebuild.finishedAt,
                rebuild.failure);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while switching", e);
        }
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    /** One rebuild: the processor filling the new generation and the samples its speed is computed from. */
    private static final class Rebuild {

        private record Sample(Instant at, long position) {}

        final RebuildableReadModel readModel;
        final Generation serving;
        final Generation building;
        final String processorName;
        final Instant startedAt;
        final Deque<Sample> samples = new ArrayDeque<>();
        volatile PooledStreamingEventProcessor processor;
        volatile ScheduledExecutorService coordinator;
        volatile ScheduledExecutorService worker;
        volatile Phase phase = Phase.REBUILDING;
        volatile Instant finishedAt;
        volatile String failure;
        volatile Long lastPosition;

        Rebuild(
                RebuildableReadModel readModel,
                Generation serving,
                Generation building,
                String processorName,
                Instant startedAt) {
            this.readModel = readModel;
            this.serving = serving;
            this.building = building;
            this.processorName = processorName;
            this.startedAt = startedAt;
        }

        /** The lowest position over the rebuilding processor's segments; null before it has handled anything. */
        Long position() {
            PooledStreamingEventProcessor running = processor;
            if (running == null || !running.isRunning()) {
                return lastPosition;
            }
            Long position = running.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent)
                    .map(OptionalLong::getAsLong)
                    .min(Long::compare)
                    .orElse(null);
            if (position != null) {
                lastPosition = position;
            }
            return position;
        }

        boolean inError() {
            PooledStreamingEventProcessor running = processor;
            return running != null
                    && (running.isError()
                            || running.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState));
        }

        long lastDone(long base) {
            Long position = lastPosition;
            return position == null ? 0 : Math.max(0, position - base);
        }

        synchronized void sample(Instant at, Long position) {
            if (position == null) {
                return;
            }
            samples.addLast(new Sample(at, position));
            while (samples.size() > 2 && samples.peekFirst().at().isBefore(at.minus(SPEED_WINDOW))) {
                samples.removeFirst();
            }
        }

        /** Events per second between the oldest and the newest sample of the last few seconds. */
        synchronized double speed() {
            if (samples.size() < 2) {
                return 0;
            }
            Sample first = samples.peekFirst();
            Sample last = samples.peekLast();
            double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
            return seconds <= 0 ? 0 : (last.position() - first.position()) / seconds;
        }

        void stopProcessor() {
            PooledStreamingEventProcessor running = processor;
            if (running != null && running.isRunning()) {
                position();
                running.shutDown();
            }
            if (coordinator != null) {
                coordinator.shutdownNow();
                worker.shutdownNow();
            }
        }

        void finish(Phase outcome, String why, Instant at) {
            phase = outcome;
            failure = why;
            finishedAt = at;
        }
    }
}
