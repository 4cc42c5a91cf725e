package io.fulfillment.chassis.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon wiring shared by every context. Axon's {@link InterceptorAutoConfiguration} registers these handler
 * interceptors on the command bus and the query bus (local segment included when Axon Server is used).
 */
@AutoConfiguration(before = InterceptorAutoConfiguration.class)
public class AxonChassisAutoConfiguration {

    /**
     * Every event processor is a pooled streaming processor unless the YAML says otherwise: it replays, splits work
     * over segments and batches, and its position is visible through the admin API.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessorsByDefault() {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors();
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> refusalTranslatingInterceptor() {
        return new RefusalTranslatingInterceptor();
    }

    @Bean
    MessageHandlerInterceptor<QueryMessage<?, ?>> queryRefusalTranslatingInterceptor() {
        return new QueryRefusalTranslatingInterceptor();
    }
}
