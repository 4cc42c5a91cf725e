package io.fulfillment.payment.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.lang.reflect.Method;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.JobUtils;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.Test;

/**
 * The distributed mode's half of {@link ParkedReversalsSchedule}: JobRunr stores the rounds as one recurring job and
 * can invoke it by reflection, as its background server does. (The embedded half, db-scheduler's recurring task, runs
 * in {@code PaymentProcessingIT}.)
 */
class ParkedReversalsScheduleTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final InMemoryStorageProvider storage = new InMemoryStorageProvider();

    @Test
    void storesTheRoundsAsOneRecurringJobThatJobRunrCanInvoke() throws Exception {
        storage.setJobMapper(new JobMapper(new JacksonJsonMapper()));
        ParkedReversalsSchedule.OnJobRunr schedule = new ParkedReversalsSchedule.OnJobRunr(
                new JobScheduler(storage), new ReconciliationProperties(INTERVAL));

        schedule.scheduleRounds();
        schedule.scheduleRounds(); // every instance registers it at start: still one job

        assertThat(storage.getRecurringJobs()).hasSize(1);
        RecurringJob rounds = storage.getRecurringJobs().get(0);
        assertThat(rounds.getId()).isEqualTo(ParkedReversalsSchedule.TASK);
        assertThat(rounds.getScheduleExpression()).isEqualTo(INTERVAL.toString());
        JobDetails job = rounds.getJobDetails();
        assertThat(job.getClassName()).isEqualTo(ParkedReversals.class.getName());

        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        Method round = JobUtils.getJobMethod(job);
        round.invoke(new ParkedReversals(processing));
        verify(processing).sequencedDeadLetterProcessor(ChargeReconciliation.PROCESSING_GROUP);
    }
}
