package io.fulfillment.gateway.isolation;

import io.fulfillment.gateway.GatewayApplication;
import java.util.List;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps two Spring Boot applications apart when they share one classpath, as the gateway and the backends do in the
 * all-in-one process (ADR 0004). Auto-configuration is chosen by classpath, so without this filter
 *
 * <ul>
 *   <li>the gateway context would start Axon, the H2 event store, JobRunr and the embedded MongoDB of the chassis;
 *   <li>the backend context would get Spring Security (locking every backend endpoint) and the gateway's routing.
 * </ul>
 *
 * In the gateway context (recognised by its {@link GatewayApplication} bean definition) it drops the storage and
 * messaging auto-configurations; in any other context that has the gateway on its classpath it drops the gateway's
 * routing and servlet security, unless {@code fulfillment.gateway.classpath-isolation.enabled=false}. On a classpath
 * without the other side's libraries it changes nothing.
 */
public final class SharedClasspathAutoConfigurationFilter
        implements AutoConfigurationImportFilter, BeanFactoryAware, EnvironmentAware {

    private static final List<String> NOT_FOR_THE_GATEWAY = List.of(
            "org.axonframework.",
            "io.fulfillment.",
            "org.jobrunr.",
            "org.springframework.boot.autoconfigure.mongo.",
            "org.springframework.boot.autoconfigure.data.mongo.",
            "org.springframework.boot.autoconfigure.jdbc.",
            "org.springframework.boot.autoconfigure.orm.",
            "org.springframework.boot.autoconfigure.data.jpa.",
            "org.springframework.boot.autoconfigure.h2.",
            "org.springframework.boot.autoconfigure.sql.",
            "org.springframework.boot.autoconfigure.flyway.",
            "org.springframework.boot.autoconfigure.liquibase.",
            "org.springframework.boot.actuate.autoconfigure.data.mongo.",
            "org.springframework.boot.actuate.autoconfigure.jdbc.");

    private static final List<String> ONLY_FOR_THE_GATEWAY = List.of(
            "org.springframework.cloud.gateway.",
            "org.springframework.boot.autoconfigure.security.servlet.",
            "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.",
            "org.springframework.boot.actuate.autoconfigure.security.servlet.");

    private ConfigurableListableBeanFactory beanFactory;
    private Environment environment;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = beanFactory instanceof ConfigurableListableBeanFactory configurable ? configurable : null;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean gateway = isGatewayContext();
        boolean isolateNeighbour = !gateway
                && environment.getProperty("fulfillment.gateway.classpath-isolation.enabled", Boolean.class, true);
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = candidate == null
                    || (gateway
                            ? !startsWithAny(candidate, NOT_FOR_THE_GATEWAY)
                            : !isolateNeighbour || !startsWithAny(candidate, ONLY_FOR_THE_GATEWAY));
        }
        return matches;
    }

    private boolean isGatewayContext() {
        if (beanFactory == null) {
            return false;
        }
        for (String name : beanFactory.getBeanDefinitionNames()) {
            if (GatewayApplication.class
                    .getName()
                    .equals(beanFactory.getBeanDefinition(name).getBeanClassName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String candidate, List<String> prefixes) {
        return prefixes.stream().anyMatch(candidate::startsWith);
    }
}
