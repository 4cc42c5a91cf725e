package io.fulfillment.chassis.mongo;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The batched writer every projection shares, wherever a MongoTemplate exists. How many committed documents it
 * remembers is {@code fulfillment.read-models.document-cache.max-entries}: on in the embedded mode, off (0) in the
 * distributed mode, where a segment can move between instances (see {@link MongoBatchWriter}).
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnBean(MongoTemplate.class)
public class MongoBatchAutoConfiguration {

    @Bean
    MongoBatchWriter mongoBatchWriter(
            MongoTemplate mongo,
            @Value("${fulfillment.read-models.document-cache.max-entries:0}") int cachedDocuments) {
        return new MongoBatchWriter(mongo, cachedDocuments);
    }

    /**
     * The generation each rebuildable read model serves; an instance trusts what it read for {@code
     * fulfillment.read-models.generations.refresh} (its own switches it knows at once).
     */
    @Bean
    ReadModelGenerations readModelGenerations(
            MongoTemplate mongo, @Value("${fulfillment.read-models.generations.refresh:2s}") Duration refresh) {
        return new ReadModelGenerations(mongo, refresh);
    }
}
