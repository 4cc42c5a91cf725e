package io.fulfillment.chassis.distributed;

import org.springframework.core.env.Environment;

/** The switch between the two runtime modes: {@code fulfillment.mode} is {@code embedded} (default) or distributed. */
public final class DistributedMode {

    public static final String PROPERTY = "fulfillment.mode";
    public static final String DISTRIBUTED = "distributed";

    private DistributedMode() {}

    public static boolean isActive(Environment environment) {
        return DISTRIBUTED.equalsIgnoreCase(environment.getProperty(PROPERTY, "embedded"));
    }
}
