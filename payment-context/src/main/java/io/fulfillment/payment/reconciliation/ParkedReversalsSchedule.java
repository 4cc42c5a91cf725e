package io.fulfillment.payment.reconciliation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.jobrunr.jobs.lambdas.IocJobLambda;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Runs {@link ParkedReversals#retryRound()} every {@code fulfillment.payment.reconciliation.retry-interval} as a
 * recurring task of the durable scheduler each mode already runs for Axon's deadlines, rather than a timer of its own:
 *
 * <ul>
 *   <li>embedded mode: a db-scheduler recurring task in the H2 database ({@value #TASK}, fixed delay);
 *   <li>distributed mode: a JobRunr recurring job in the service's job storage (same id, same interval).
 * </ul>
 *
 * Both keep the schedule in the store, not in the process: a round that was running when the process died is picked
 * up again (db-scheduler after its missed heartbeats, JobRunr as an orphaned job), and with two payment instances on
 * one store only one of them runs a given round (db-scheduler picks an execution with a row update, JobRunr creates
 * one job per occurrence of the recurring job). Spring's {@code TaskScheduler} keeps its schedule in memory: every
 * instance would run rounds of its own, and nothing would notice a round cut short by a crash. The dead-letter queue's
 * claim on a sequence still keeps two rounds from retrying the same reversal at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
class ParkedReversalsSchedule {

    static final String TASK = "payment-parked-reversals";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${fulfillment.mode:embedded}'.equalsIgnoreCase('distributed')")
    static class OnDbScheduler {

        /** db-scheduler's starter schedules every {@code RecurringTask} bean when the scheduler starts. */
        @Bean
        RecurringTask<Void> parkedReversalsTask(ParkedReversals parked, ReconciliationProperties properties) {
            return Tasks.recurring(TASK, Schedules.fixedDelay(properties.retryInterval()))
                    .execute((instance, context) -> parked.retryRound());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fulfillment.mode", havingValue = "distributed")
    static class OnJobRunr {

        private final JobScheduler jobs;
        private final ReconciliationProperties properties;

        OnJobRunr(JobScheduler jobs, ReconciliationProperties properties) {
            this.jobs = jobs;
            this.properties = properties;
        }

        /** Once the processors run; registering the same id again replaces the schedule (every instance does). */
        @EventListener(ApplicationReadyEvent.class)
        void scheduleRounds() {
            jobs.scheduleRecurrently(
                    TASK, properties.retryInterval(), (IocJobLambda<ParkedReversals>) parked -> parked.retryRound());
        }
    }
}
