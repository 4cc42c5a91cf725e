package io.fulfillment.chassis.axon;

import java.time.Duration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
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
     * over segments, and its position is visible through the admin API. A batch holds up to {@code batch-size}
     * events that are already there (waiting for none), so projections write a batch at once ({@code
     * MongoBatchWriter}); a free segment is claimed within {@code token-claim-interval}.
     *
     * <p>None of this reaches a processor named under {@code axon.eventhandling.processors}: Axon configures it from
     * those settings alone, with its own defaults for the ones left out (mode {@code tracking}, batch size 1, a claim
     * every 5 s), so such an entry states its mode and batch size.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessorsByDefault(
            @Value("${fulfillment.processors.batch-size:100}") int batchSize,
            @Value("${fulfillment.processors.token-claim-interval:1s}") Duration tokenClaimInterval) {
        return configurer -> configurer
                .eventProcessing()
                .usingPooledStreamingEventProcessors((configuration, builder) ->
                        builder.batchSize(batchSize).tokenClaimInterval(tokenClaimInterval.toMillis()));
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
