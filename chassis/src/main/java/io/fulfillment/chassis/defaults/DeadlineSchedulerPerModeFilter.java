package io.fulfillment.chassis.defaults;

import io.fulfillment.chassis.distributed.DistributedMode;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Gives each runtime mode exactly one durable deadline scheduler, whatever the properties say: db-scheduler on the H2
 * database in the embedded mode, so a saga's deadlines commit or roll back with its transaction (ADR 0007), and JobRunr
 * on the service's MongoDB database in the distributed mode, which has no DataSource. Both starters are on every
 * classpath and both would back Axon's {@code DeadlineManager}; this filter drops the other mode's auto-configurations
 * (Axon's bridge to it included) before their conditions are evaluated.
 */
class DeadlineSchedulerPerModeFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> DISTRIBUTED_ONLY =
            List.of("org.jobrunr.", "org.axonframework.springboot.autoconfig.AxonJobRunrAutoConfiguration");
    private static final List<String> EMBEDDED_ONLY = List.of(
            "com.github.kagkarlsson.", "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        List<String> otherMode = DistributedMode.isActive(environment) ? EMBEDDED_ONLY : DISTRIBUTED_ONLY;
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = candidate == null || otherMode.stream().noneMatch(candidate::startsWith);
        }
        return matches;
    }
}
