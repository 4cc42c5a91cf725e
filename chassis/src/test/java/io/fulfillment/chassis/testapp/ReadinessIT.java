package io.fulfillment.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroups;

/**
 * A store that failed must turn the process not-ready, not leave it answering 5xx behind a healthy status: the
 * readiness group of an embedded-mode backend includes the database's health indicator, which reports DOWN (with the
 * reason) when the store no longer answers.
 */
@ChassisContextTest
class ReadinessIT {

    @Autowired
    HealthEndpointGroups groups;

    @Autowired
    HealthContributorRegistry contributors;

    @Test
    void readinessIncludesTheStoresHealth() {
        assertThat(contributors.getContributor("db"))
                .as("the database's health indicator")
                .isNotNull();
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(groups.get("liveness").isMember("db"))
                .as("a failed store makes the process not-ready, not a restart loop")
                .isFalse();
    }
}
