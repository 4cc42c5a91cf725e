package io.fulfillment.chassis.correlation;

import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * One correlation id per request, from the edge to every message it causes and every log line written on its behalf.
 *
 * <p>Axon's auto-configuration registers {@link MessageDispatchInterceptor} beans on the command, query and event
 * gateways and {@link MessageHandlerInterceptor} beans on the command bus, query bus and every event processor; the
 * {@link CorrelationDataProvider} bean replaces Axon's default {@code MessageOriginProvider} (which would overwrite
 * {@code correlationId} with the parent message's id). Deadline managers are not covered by Axon, so they are wired
 * here. Work that continues on another thread (a future's continuation, an executor's task) carries the id with
 * {@link Correlation}.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class CorrelationAutoConfiguration {

    @Bean
    CorrelationDataProvider correlationIdProvider() {
        return new SimpleCorrelationDataProvider(CorrelationId.METADATA_KEY);
    }

    @Bean
    MessageDispatchInterceptor<Message<?>> correlationIdDispatchInterceptor() {
        return new CorrelationIdDispatchInterceptor();
    }

    @Bean
    MessageHandlerInterceptor<Message<?>> correlationIdMdcInterceptor() {
        return new CorrelationIdMdcInterceptor();
    }

    @Bean
    SmartInitializingSingleton correlationIdDeadlineWiring(
            ObjectProvider<DeadlineManager> deadlineManagers, List<CorrelationDataProvider> correlationDataProviders) {
        return () -> deadlineManagers.orderedStream().forEach(deadlineManager -> {
            deadlineManager.registerDispatchInterceptor(new CorrelationIdDispatchInterceptor());
            deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
            deadlineManager.registerHandlerInterceptor(new CorrelationIdMdcInterceptor());
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletCorrelation {

        @Bean
        FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
            FilterRegistrationBean<CorrelationIdFilter> registration =
                    new FilterRegistrationBean<>(new CorrelationIdFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
