package io.fulfillment.chassis.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The batched writer every projection shares, wherever a MongoTemplate exists. */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnBean(MongoTemplate.class)
public class MongoBatchAutoConfiguration {

    @Bean
    MongoBatchWriter mongoBatchWriter(MongoTemplate mongo) {
        return new MongoBatchWriter(mongo);
    }
}
