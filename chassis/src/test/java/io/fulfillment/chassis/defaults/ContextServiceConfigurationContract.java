package io.fulfillment.chassis.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.endpoint.Show;

/**
 * What every context service's effective configuration must say, checked on the application its {@code main} runs
 * (prepared, never started): the distributed mode on its own MongoDB database, health without details, and only the
 * actuator endpoints it means to expose. A service's test extends this with its own application and expectations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContextServiceConfigurationContract {

    /** What the chassis exposes on every deployable. */
    protected static final Set<String> CHASSIS_ENDPOINTS = Set.of("health", "info", "metrics", "prometheus");

    protected final PreparedEnvironment service;
    private final String database;
    private final Set<String> endpoints;

    protected ContextServiceConfigurationContract(
            SpringApplication application, String database, Set<String> endpoints) {
        this.service = PreparedEnvironment.of(application);
        this.database = database;
        this.endpoints = endpoints;
    }

    @Test
    void runsInTheDistributedModeOnItsOwnDatabase() {
        assertThat(service.property("fulfillment.mode")).isEqualTo("distributed");
        assertThat(service.isOn("axon.axonserver.enabled")).isTrue();
        assertThat(service.property("spring.data.mongodb.database")).isEqualTo(database);
        assertThat(service.property("jobrunr.database.database-name")).isEqualTo(database);
    }

    @Test
    void showsNoHealthDetailsToAnyone() {
        assertThat(service.healthDetails()).isEqualTo(Show.NEVER);
    }

    @Test
    void exposesOnlyTheEndpointsItMeansTo() {
        assertThat(service.exposedEndpoints()).containsExactlyInAnyOrderElementsOf(endpoints);
    }
}
