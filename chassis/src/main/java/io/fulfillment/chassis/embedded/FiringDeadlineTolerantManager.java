package io.fulfillment.chassis.embedded;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that is firing at this very moment is not an
 * error. db-scheduler refuses to cancel an execution in progress, and the refusal would roll back the whole unit of
 * work that cancelled it (a saga batch) only to repeat it. The firing deadline's handler runs against the state that
 * unit of work commits, so a handler that checks its deadline is still current (as the fulfillment saga's does)
 * ignores it; db-scheduler removes the one-time execution when it completes.
 */
class FiringDeadlineTolerantManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(FiringDeadlineTolerantManager.class);

    FiringDeadlineTolerantManager(Builder builder) {
        super(builder);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        try {
            super.cancelSchedule(deadlineName, scheduleId);
        } catch (RuntimeException failure) {
            if (!isFiring(failure)) {
                throw failure;
            }
            log.debug("Deadline {} ({}) is firing right now; its handler will find it stale", deadlineName, scheduleId);
        }
    }

    private static boolean isFiring(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskInstanceCurrentlyExecutingException) {
                return true;
            }
        }
        return false;
    }
}
