package io.fulfillment.chassis.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.chassis.distributed.DistributedMode;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

class ChassisDefaultsEnvironmentPostProcessorTest {

    private static final String DETAILS = "management.endpoint.health.show-details";
    private static final String SEGMENTS = "fulfillment.processors.initial-segment-count";

    private final ChassisDefaultsEnvironmentPostProcessor postProcessor = new ChassisDefaultsEnvironmentPostProcessor();

    @Nested
    class InTheEmbeddedMode {

        @Test
        void startsOnTheEmbeddedStoresWithJacksonAndTheStatusOnlyHealth() {
            MockEnvironment environment = postProcessed(new MockEnvironment(), new SpringApplication());

            assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
            assertThat(environment.getProperty("axon.serializer.events")).isEqualTo("jackson");
            assertThat(environment.getProperty(DETAILS)).isEqualTo("never");
            assertThat(environment.getProperty("jobrunr.database.type")).isNull();
            assertThat(environment
                            .getPropertySources()
                            .contains(ChassisDefaultsEnvironmentPostProcessor.DISTRIBUTED_DEFAULTS))
                    .isFalse();
        }
    }

    @Nested
    class InTheDistributedMode {

        @Test
        void turnsOnAxonServerAndMongoStoresAndExcludesJpa() {
            MockEnvironment environment = postProcessed(distributed(), new SpringApplication());

            assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("true");
            assertThat(environment.getProperty("axon.axonserver.servers")).isEqualTo("localhost:8124");
            assertThat(environment.getProperty("jobrunr.database.type")).isEqualTo("mongodb");
            assertThat(environment.getProperty("spring.autoconfigure.exclude[0]"))
                    .isEqualTo("org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration");
        }

        @Test
        void yieldsToTheServiceConfiguration() {
            MockEnvironment environment = postProcessed(
                    distributed().withProperty("axon.axonserver.servers", "axonserver:8124"), new SpringApplication());

            assertThat(environment.getProperty("axon.axonserver.servers")).isEqualTo("axonserver:8124");
        }
    }

    @Nested
    class OfTheHostedContexts {

        @Test
        void findsTheDefaultsOfEveryContextTheSourcesImport() {
            assertThat(ChassisDefaultsEnvironmentPostProcessor.contextDefaults(Set.of(ProbeHost.class)))
                    .containsExactly("io/fulfillment/chassis/defaults/probe-context.yml");
        }

        @Test
        void overrideTheChassisAndTheModeDefaults() {
            MockEnvironment environment = postProcessed(distributed(), new SpringApplication(ProbeHost.class));

            assertThat(environment.getProperty(SEGMENTS)).isEqualTo("7");
            assertThat(environment.getProperty(DETAILS)).isEqualTo("always");
        }

        @Test
        void yieldToTheHostsOwnConfiguration() {
            MockEnvironment environment = postProcessed(
                    new MockEnvironment().withProperty(DETAILS, "never"), new SpringApplication(ProbeHost.class));

            assertThat(environment.getProperty(DETAILS)).isEqualTo("never");
        }
    }

    private MockEnvironment postProcessed(MockEnvironment environment, SpringApplication application) {
        postProcessor.postProcessEnvironment(environment, application);
        return environment;
    }

    private static MockEnvironment distributed() {
        return new MockEnvironment().withProperty(DistributedMode.PROPERTY, DistributedMode.DISTRIBUTED);
    }

    @Configuration(proxyBeanMethods = false)
    @ContextDefaults("io/fulfillment/chassis/defaults/probe-context.yml")
    static class ProbeContext {}

    @Configuration(proxyBeanMethods = false)
    @Import(ProbeContext.class)
    static class ProbeHost {}
}
