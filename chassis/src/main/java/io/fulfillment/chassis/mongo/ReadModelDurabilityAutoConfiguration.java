package io.fulfillment.chassis.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's transaction manager in the embedded mode: before the database transaction that stores an event processor's
 * token commits, the embedded MongoDB's H2 store is written to its file if this thread wrote read models, so read models
 * are never behind their tokens after a crash (the store otherwise writes in the background, about once a second).
 */
@AutoConfiguration(
        after = {EmbeddedMongoAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = TransactionAutoConfiguration.class)
@ConditionalOnBean({H2Backend.class, PlatformTransactionManager.class})
public class ReadModelDurabilityAutoConfiguration {

    @Bean
    ReadModelWrites readModelWrites() {
        return new ReadModelWrites();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer readModelWritesListener(ReadModelWrites readModelWrites) {
        return settings -> settings.addCommandListener(readModelWrites);
    }

    @Bean
    TransactionManager readModelsFirstTransactionManager(
            PlatformTransactionManager transactionManager,
            ReadModelWrites readModelWrites,
            H2Backend embeddedMongoBackend) {
        return new ReadModelsFirstTransactionManager(
                new SpringTransactionManager(transactionManager),
                readModelWrites::takeWritten,
                embeddedMongoBackend::commit);
    }
}
