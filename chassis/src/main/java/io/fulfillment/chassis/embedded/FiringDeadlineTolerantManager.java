package io.fulfillment.chassis.embedded;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that is firing at this very moment, or has
 * just fired, is not an error. db-scheduler refuses to cancel an execution in progress; Axon cancels when the unit of
 * work prepares its commit, so the refusal rolled back the whole saga batch that cancelled, and the batch, repeated,
 * met the next firing deadline: under a backlog of due deadlines the saga could not advance (measured: a crash run in
 * which every order ended rejected). The firing deadline's handler runs against the state the cancelling unit of work
 * commits (the saga's lock orders them), so a handler that checks its deadline is still current, as the fulfillment
 * saga's does, ignores it; db-scheduler removes the one-time execution when it completes.
 */
class FiringDeadlineTolerantManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(FiringDeadlineTolerantManager.class);

    private final Scheduler scheduler;

    FiringDeadlineTolerantManager(Builder builder, Scheduler scheduler) {
        super(builder);
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> cancel(deadlineName, scheduleId));
    }

    private void cancel(String deadlineName, String scheduleId) {
        try {
            scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
        } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException firingOrFired) {
            log.debug("Deadline {} ({}) is firing or has fired; its handler finds it stale", deadlineName, scheduleId);
        }
    }
}
