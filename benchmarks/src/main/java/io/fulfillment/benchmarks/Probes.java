package io.fulfillment.benchmarks;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counters inside the backends, installed by {@link SystemUnderTest} before their context refreshes: every
 * {@link DataSource} bean is wrapped to count JDBC commits ({@link CommitCounter}), the {@link EventStorageEngine} bean
 * to count aggregate loads ({@link AggregateLoadCounter}), the MongoDB clients to count read-model requests
 * ({@link ReadModelRequestCounter}), and, once the context runs, an interceptor on the saga's
 * event processor counts its events and units of work ({@link SagaBatchCounter}). A component the backends do not have
 * leaves its figures unavailable ("n/a") instead of failing the run.
 */
final class Probes implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SAGA_PROCESSOR = "OrderFulfillmentSagaProcessor";

    private final CommitCounter commits = new CommitCounter();
    private final AggregateLoadCounter loads = new AggregateLoadCounter();
    private final SagaBatchCounter saga = new SagaBatchCounter();
    private final ReadModelRequestCounter readModels = new ReadModelRequestCounter();
    private final List<String> wrapped = new ArrayList<>();
    private volatile boolean sagaIntercepted;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton("benchmarkReadModelRequests", readModels.customizer());
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource) {
                    wrapped.add(
                            "DataSource '" + beanName + "' (" + bean.getClass().getSimpleName() + ")");
                    return commits.wrap(dataSource);
                }
                if (bean instanceof EventStorageEngine engine) {
                    wrapped.add("EventStorageEngine '" + beanName + "' ("
                            + bean.getClass().getSimpleName() + ")");
                    return loads.wrap(engine);
                }
                return bean;
            }
        });
    }

    /** Registers the saga's interceptor on the running backends; says what is being counted. */
    void attach(ConfigurableApplicationContext backends) {
        backends.getBeanProvider(EventProcessingConfiguration.class).ifAvailable(processing -> processing
                .eventProcessor(SAGA_PROCESSOR)
                .ifPresent(processor -> intercept((EventProcessor) processor)));
        List<String> counted = new ArrayList<>(wrapped);
        counted.add(readModels.clients() + " MongoDB client(s)");
        counted.add(sagaIntercepted ? "event processor '" + SAGA_PROCESSOR + "'" : "no '" + SAGA_PROCESSOR + "'");
        System.out.printf("probes: %s%n", String.join(", ", counted));
    }

    private void intercept(EventProcessor processor) {
        processor.registerHandlerInterceptor(saga);
        sagaIntercepted = true;
    }

    /** {@code local} (what the benchmark counts itself) with the probes' counters now. */
    Counts counts(Counts local) {
        boolean jdbc = commits.dataSources() > 0;
        boolean engine = loads.engines() > 0;
        return new Counts(
                local.cpuNanos(),
                local.events(),
                jdbc ? commits.commits() : Counts.UNAVAILABLE,
                jdbc ? commits.writingCommits() : Counts.UNAVAILABLE,
                engine ? loads.loads() : Counts.UNAVAILABLE,
                readModels.clients() > 0 ? readModels.requests() : Counts.UNAVAILABLE,
                sagaIntercepted ? saga.events() : Counts.UNAVAILABLE,
                sagaIntercepted ? saga.unitsOfWork() : Counts.UNAVAILABLE,
                local.requests(),
                local.tooManyRequests(),
                local.backOffNanos(),
                local.unavailable());
    }
}
