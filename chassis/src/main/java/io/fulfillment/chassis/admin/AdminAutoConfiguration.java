package io.fulfillment.chassis.admin;

import io.fulfillment.chassis.mongo.MongoBatchAutoConfiguration;
import io.fulfillment.chassis.mongo.MongoBatchWriter;
import io.fulfillment.chassis.mongo.ReadModelGenerations;
import io.fulfillment.chassis.mongo.RebuildableReadModel;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The admin API (processors, replay, blue/green rebuilds, dead letters) in every web application that has an event store. */
@AutoConfiguration(after = {AxonAutoConfiguration.class, MongoBatchAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(EventStore.class)
@ConditionalOnProperty(name = "fulfillment.admin.enabled", matchIfMissing = true)
@Import(AdminController.class)
public class AdminAutoConfiguration {

    @Bean
    EventProcessorAdmin eventProcessorAdmin(EventProcessingConfiguration processing, EventStore eventStore) {
        return new EventProcessorAdmin(processing, eventStore);
    }

    /** Blue/green rebuilds, wherever read models live in MongoDB; the read models that allow one declare themselves. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ReadModelGenerations.class)
    static class BlueGreenRebuilds {

        @Bean(destroyMethod = "close")
        ReadModelRebuilds readModelRebuilds(
                org.axonframework.config.Configuration axon,
                ReadModelGenerations generations,
                MongoTemplate mongo,
                MongoBatchWriter documents,
                ObjectProvider<RebuildableReadModel> readModels,
                @Value("${fulfillment.read-models.rebuild.poll-interval:200ms}") Duration pollInterval,
                @Value("${fulfillment.read-models.rebuild.switch-lag:20}") long switchLag,
                @Value("${fulfillment.read-models.rebuild.switch-timeout:30s}") Duration switchTimeout,
                @Value("${fulfillment.read-models.rebuild.drop-after:10s}") Duration dropAfter) {
            return new ReadModelRebuilds(
                    axon,
                    generations,
                    mongo,
                    documents,
                    readModels.orderedStream().toList(),
                    new ReadModelRebuilds.Settings(pollInterval, switchLag, switchTimeout, dropAfter),
                    Clock.systemUTC());
        }
    }
}
