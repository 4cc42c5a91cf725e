package io.fulfillment.chassis.distributed;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Axon's stores of the distributed mode, wired explicitly with the Axon Mongo extension (ADR 0005): tokens, sagas and
 * dead letters in the service's own MongoDB database (the one named in {@code spring.data.mongodb.uri}). Events,
 * commands and queries go through Axon Server; Axon runs without a transaction manager (MongoDB writes of one unit of
 * work are not atomic, so every projection and store is idempotent). Active only with
 * {@code fulfillment.mode=distributed}.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = MongoDataAutoConfiguration.class)
@ConditionalOnClass(DefaultMongoTemplate.class)
@ConditionalOnProperty(name = DistributedMode.PROPERTY, havingValue = DistributedMode.DISTRIBUTED)
public class DistributedStoresAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoTemplate axonMongoTemplate(MongoDatabaseFactory mongoDatabaseFactory) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(mongoDatabaseFactory.getMongoDatabase())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return new SharedMongoTokenStore(
                MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer));
    }

    @Bean
    @ConditionalOnMissingBean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    /** A processor with {@code axon.eventhandling.processors.<name>.dlq.enabled=true} parks failures in MongoDB. */
    @Bean
    DeadLetterQueueProviderConfigurerModule mongoDeadLetterQueueProviderConfigurerModule(
            EventProcessorProperties eventProcessorProperties,
            MongoTemplate axonMongoTemplate,
            TransactionManager transactionManager,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new DeadLetterQueueProviderConfigurerModule(
                eventProcessorProperties,
                processingGroup -> configuration -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(processingGroup)
                        .mongoTemplate(axonMongoTemplate)
                        .transactionManager(transactionManager)
                        .serializer(eventSerializer)
                        .build());
    }

    /** Replaces Axon's local command segment with one that reports event-store conflicts as 409 refusals. */
    @Bean
    @Qualifier("localSegment")
    @ConditionalOnMissingBean(
            value = CommandBus.class,
            ignoredType = "org.axonframework.axonserver.connector.command.AxonServerCommandBus")
    SimpleCommandBus commandBus(
            TransactionManager transactionManager,
            Configuration axonConfiguration,
            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = new ConflictTranslatingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus")));
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return commandBus;
    }
}
