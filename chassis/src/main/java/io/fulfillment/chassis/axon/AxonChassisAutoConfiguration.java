package io.fulfillment.chassis.axon;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.spring.stereotype.Saga;
import org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;

/**
 * Axon wiring shared by every context. Axon's {@link InterceptorAutoConfiguration} registers these handler
 * interceptors on the command bus and the query bus (local segment included when Axon Server is used).
 */
@AutoConfiguration(before = InterceptorAutoConfiguration.class)
public class AxonChassisAutoConfiguration {

    /** Every dead-letter queue parks only what a second attempt cannot cure ({@link TransientFailuresAreRetried}). */
    @Bean
    ConfigurerModule transientFailuresAreRetried() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultDeadLetterPolicy(configuration -> new TransientFailuresAreRetried());
    }

    /**
     * Every event processor is a pooled streaming processor unless the YAML says otherwise: it replays, splits work
     * over segments, and its position is visible through the admin API. A batch holds up to {@code batch-size}
     * events that are already there (waiting for none), so projections write a batch at once ({@code
     * MongoBatchWriter}); a free segment is claimed within {@code token-claim-interval}.
     *
     * <p>On the embedded event store the processors read through one {@link CommitSignallingEventSource}, so they
     * hear of new events at once instead of polling every 500 ms (Axon Server's streams signal by themselves). A
     * processor named under {@code fulfillment.processors.batching-window} hears of them that much later, so it
     * reads them in fewer, larger batches (see {@link CommitSignallingEventSource}; embedded event store only).
     *
     * <p>A processor named under {@code axon.eventhandling.processors} gets this too, but Axon then applies that
     * entry's settings, with Axon's own defaults for the ones left out (batch size 1, a claim every 5 s) overriding
     * the batch size and claim interval set here: such an entry states its batch size and claim interval.
     *
     * <p><b>Sagas are never replayed</b>: their handlers send commands, so handling history again would reserve,
     * charge and ship again. The admin API refuses to reset a saga's processor (a saga manager does not support a
     * reset), and a saga's processor that finds no token of its own (a new deployment, a token store that was wiped)
     * starts at the head of the event stream: it handles only what happens from then on. Axon does that by itself only
     * for a saga processor that has no configuration of its own registered here (any, such as a batching window,
     * silently replaces Axon's saga default and the processor would start at the tail), so the head start is stated
     * here for every saga and composed with whatever else its processor gets. Sagas are found as Spring's
     * {@code @Saga} beans, their processor named as Axon names it ({@code @ProcessingGroup} or
     * {@code <SagaType>Processor}).
     */
    @Bean
    ConfigurerModule pooledStreamingProcessorsByDefault(
            @Value("${fulfillment.processors.batch-size:500}") int batchSize,
            @Value("${fulfillment.processors.token-claim-interval:1s}") Duration tokenClaimInterval,
            @Value("${fulfillment.processors.initial-segment-count:1}") int initialSegmentCount,
            Environment environment,
            ListableBeanFactory beans) {
        Map<String, Duration> batchingWindows = Binder.get(environment)
                .bind("fulfillment.processors.batching-window", Bindable.mapOf(String.class, Duration.class))
                .orElse(Map.of());
        // one signalling source per event store (so per application context), created once and closed with it
        Map<EmbeddedEventStore, CommitSignallingEventSource> signalling = new ConcurrentHashMap<>();
        return configurer -> {
            configurer.eventProcessing().usingPooledStreamingEventProcessors((configuration, builder) -> {
                builder.batchSize(batchSize)
                        .tokenClaimInterval(tokenClaimInterval.toMillis())
                        .initialSegmentCount(initialSegmentCount);
                if (configuration.eventStore() instanceof EmbeddedEventStore store) {
                    builder.messageSource(signallingSource(signalling, configuration, store));
                }
                return builder;
            });
            Set<String> sagas = sagaProcessorNames(beans);
            Set<String> customised = new TreeSet<>(batchingWindows.keySet());
            customised.addAll(sagas);
            // one registration per processor name: a second one for the same name would replace the first
            customised.forEach(processor -> configurer
                    .eventProcessing()
                    .registerPooledStreamingEventProcessorConfiguration(processor, (configuration, builder) -> {
                        Duration window = batchingWindows.get(processor);
                        if (window != null && configuration.eventStore() instanceof EmbeddedEventStore store) {
                            builder.messageSource(signallingSource(signalling, configuration, store)
                                    .signallingAfter(window));
                        }
                        if (sagas.contains(processor)) {
                            builder.initialToken(StreamableMessageSource::createHeadToken);
                        }
                        return builder;
                    }));
        };
    }

    private static Set<String> sagaProcessorNames(ListableBeanFactory beans) {
        Set<String> names = new TreeSet<>();
        for (String bean : beans.getBeanNamesForAnnotation(Saga.class)) {
            Class<?> sagaType = beans.getType(bean);
            if (sagaType != null) {
                ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(sagaType, ProcessingGroup.class);
                names.add(group != null ? group.value() : sagaType.getSimpleName() + "Processor");
            }
        }
        return names;
    }

    private static CommitSignallingEventSource signallingSource(
            Map<EmbeddedEventStore, CommitSignallingEventSource> signalling,
            Configuration configuration,
            EmbeddedEventStore store) {
        return signalling.computeIfAbsent(store, embedded -> {
            CommitSignallingEventSource source = new CommitSignallingEventSource(embedded);
            configuration.onShutdown(source::close);
            return source;
        });
    }

    /** Every context names a cache of its aggregates from these ({@code fulfillment.aggregate-cache.max-entries}). */
    @Bean(destroyMethod = "close")
    AggregateCaches aggregateCaches(@Value("${fulfillment.aggregate-cache.max-entries:10000}") long maxEntries) {
        return new AggregateCaches(maxEntries);
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> refusalTranslatingInterceptor() {
        return new RefusalTranslatingInterceptor();
    }

    @Bean
    MessageHandlerInterceptor<QueryMessage<?, ?>> queryRefusalTranslatingInterceptor() {
        return new QueryRefusalTranslatingInterceptor();
    }
}
