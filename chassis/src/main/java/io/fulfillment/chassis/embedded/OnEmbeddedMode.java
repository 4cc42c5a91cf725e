package io.fulfillment.chassis.embedded;

import io.fulfillment.chassis.distributed.DistributedMode;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches in the embedded mode: whenever {@code fulfillment.mode} is not {@code distributed}. */
class OnEmbeddedMode extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return DistributedMode.isActive(context.getEnvironment())
                ? ConditionOutcome.noMatch("fulfillment.mode is distributed")
                : ConditionOutcome.match("fulfillment.mode is embedded");
    }
}
