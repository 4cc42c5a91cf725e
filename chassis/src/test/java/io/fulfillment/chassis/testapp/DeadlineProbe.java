package io.fulfillment.chassis.testapp;

import io.fulfillment.chassis.testapp.ProbeMessages.FiredDeadline;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** Records the deadlines the probe saga handled in this application context. */
@Component
public class DeadlineProbe {

    private final List<FiredDeadline> fired = new CopyOnWriteArrayList<>();

    void record(FiredDeadline deadline) {
        fired.add(deadline);
    }

    public List<FiredDeadline> fired() {
        return List.copyOf(fired);
    }
}
