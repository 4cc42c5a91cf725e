package io.fulfillment.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroups;

/**
 * A store that failed must turn the process not-ready, not leave it answering 5xx behind a healthy status: the
 * readiness group of the embedded-mode backends includes the database's health indicator, which reports DOWN (with the
 * reason) when the store no longer answers; liveness does not, so a failed store does not put the process in a
 * restart loop.
 */
@AllInOneTest
class ReadinessIT {

    @Autowired
    HealthEndpointGroups groups;

    @Autowired
    HealthContributorRegistry contributors;

    @Test
    void readinessIncludesTheStoresHealthAndLivenessDoesNot() {
        assertThat(contributors.getContributor("db"))
                .as("the database's health indicator")
                .isNotNull();
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(groups.get("liveness").isMember("db")).isFalse();
    }
}
