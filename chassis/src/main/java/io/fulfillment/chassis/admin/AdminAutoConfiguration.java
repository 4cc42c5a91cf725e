package io.fulfillment.chassis.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The admin API (processors, replay, dead letters) in every web application that has an event store. */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(EventStore.class)
@ConditionalOnProperty(name = "fulfillment.admin.enabled", matchIfMissing = true)
@Import(AdminController.class)
public class AdminAutoConfiguration {

    @Bean
    EventProcessorAdmin eventProcessorAdmin(EventProcessingConfiguration processing, EventStore eventStore) {
        return new EventProcessorAdmin(processing, eventStore);
    }
}
