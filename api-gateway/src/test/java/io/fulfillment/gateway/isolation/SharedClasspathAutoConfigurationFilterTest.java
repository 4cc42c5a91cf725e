package io.fulfillment.gateway.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.mock.env.MockEnvironment;

class SharedClasspathAutoConfigurationFilterTest {

    private static final String AXON = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration";
    private static final String MONGO = "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration";
    private static final String SECURITY =
            "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration";
    private static final String GATEWAY =
            "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration";
    private static final String WEB = "org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration";
    private static final String[] CANDIDATES = {AXON, MONGO, SECURITY, GATEWAY, WEB};

    @Test
    void keepsStorageAndMessagingOutOfTheGatewayContext() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerBeanDefinition("gatewayApplication", new RootBeanDefinition(GatewayApplication.class));

        assertThat(filter(beanFactory, new MockEnvironment()).match(CANDIDATES, null))
                .containsExactly(false, false, true, true, true);
    }

    @Test
    void keepsGatewayRoutingAndSecurityOutOfANeighbouringContext() {
        assertThat(filter(new DefaultListableBeanFactory(), new MockEnvironment())
                        .match(CANDIDATES, null))
                .containsExactly(true, true, false, false, true);
    }

    @Test
    void neighbourIsolationCanBeSwitchedOff() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("fulfillment.gateway.classpath-isolation.enabled", "false");

        assertThat(filter(new DefaultListableBeanFactory(), environment).match(CANDIDATES, null))
                .containsExactly(true, true, true, true, true);
    }

    private static SharedClasspathAutoConfigurationFilter filter(
            DefaultListableBeanFactory beanFactory, MockEnvironment environment) {
        SharedClasspathAutoConfigurationFilter filter = new SharedClasspathAutoConfigurationFilter();
        filter.setBeanFactory(beanFactory);
        filter.setEnvironment(environment);
        return filter;
    }
}
