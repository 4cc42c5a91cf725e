package io.fulfillment.chassis.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DeadlineSchedulerPerModeFilterTest {

    private static final String[] CANDIDATES = {
        "org.jobrunr.spring.autoconfigure.JobRunrAutoConfiguration",
        "org.jobrunr.spring.autoconfigure.storage.JobRunrSqlStorageAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonJobRunrAutoConfiguration",
        "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        null
    };

    private final DeadlineSchedulerPerModeFilter filter = new DeadlineSchedulerPerModeFilter();

    @Test
    void theEmbeddedModeKeepsDbSchedulerAndDropsJobRunr() {
        filter.setEnvironment(new MockEnvironment());

        assertThat(filter.match(CANDIDATES, null)).containsExactly(false, false, false, true, true, true, true);
    }

    @Test
    void theDistributedModeKeepsJobRunrAndDropsDbScheduler() {
        filter.setEnvironment(new MockEnvironment().withProperty("fulfillment.mode", "distributed"));

        assertThat(filter.match(CANDIDATES, null)).containsExactly(true, true, true, false, false, true, true);
    }
}
