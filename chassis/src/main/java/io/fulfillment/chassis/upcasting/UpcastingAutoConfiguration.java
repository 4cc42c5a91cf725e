package io.fulfillment.chassis.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the contracts' upcasters with Axon. Axon's Spring Boot auto-configuration hands every {@code EventUpcaster}
 * bean to its configuration's upcaster chain, which the event store of either mode reads through: the JDBC storage
 * engine of the embedded mode ({@code EmbeddedStoresAutoConfiguration} passes it on) and Axon Server's.
 */
@AutoConfiguration
public class UpcastingAutoConfiguration {

    @Bean
    EventUpcasterChain contractUpcasters() {
        return new EventUpcasterChain(EventUpcasters.all());
    }
}
