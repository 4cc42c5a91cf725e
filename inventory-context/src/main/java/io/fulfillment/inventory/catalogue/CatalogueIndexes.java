package io.fulfillment.inventory.catalogue;

import io.fulfillment.chassis.mongo.ReadModelIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** Creates the catalogue's index, declared on {@link CatalogueEntry}, at start-up. */
@Configuration(proxyBeanMethods = false)
class CatalogueIndexes {

    @Bean
    ReadModelIndexes catalogueReadModelIndexes(MongoOperations mongo) {
        return new ReadModelIndexes(mongo, CatalogueEntry.class);
    }
}
