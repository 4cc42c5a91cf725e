package io.fulfillment.chassis.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the contracts' JSON shape with Spring's ObjectMapper, which Axon's Jackson serializer uses too. */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class JsonAutoConfiguration {

    @Bean
    ContractIdsModule contractIdsModule() {
        return new ContractIdsModule();
    }
}
