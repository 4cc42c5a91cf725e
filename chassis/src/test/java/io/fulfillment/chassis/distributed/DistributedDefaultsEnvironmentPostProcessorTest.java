package io.fulfillment.chassis.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DistributedDefaultsEnvironmentPostProcessorTest {

    private final DistributedDefaultsEnvironmentPostProcessor postProcessor =
            new DistributedDefaultsEnvironmentPostProcessor();

    @Test
    void leavesTheEmbeddedModeUntouched() {
        MockEnvironment environment = new MockEnvironment();

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment
                        .getPropertySources()
                        .contains(DistributedDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
                .isFalse();
        assertThat(environment.getProperty("jobrunr.database.type")).isNull();
    }

    @Test
    void turnsOnAxonServerAndMongoStoresAndExcludesJpaInTheDistributedMode() {
        MockEnvironment environment = new MockEnvironment().withProperty(DistributedMode.PROPERTY, "distributed");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("axon.axonserver.servers")).isEqualTo("localhost:8124");
        assertThat(environment.getProperty("jobrunr.database.type")).isEqualTo("mongodb");
        assertThat(environment.getProperty("spring.autoconfigure.exclude[0]"))
                .isEqualTo("org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration");
    }

    @Test
    void yieldsToTheServiceConfiguration() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(DistributedMode.PROPERTY, "distributed")
                .withProperty("axon.axonserver.servers", "axonserver:8124");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.axonserver.servers")).isEqualTo("axonserver:8124");
    }
}
