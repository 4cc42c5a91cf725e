package io.fulfillment.gateway.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when Spring Boot's resource-server settings point at a real identity provider. */
class ExternalIssuerCondition implements Condition {

    private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return StringUtils.hasText(env.getProperty(PREFIX + "issuer-uri"))
                || StringUtils.hasText(env.getProperty(PREFIX + "jwk-set-uri"))
                || StringUtils.hasText(env.getProperty(PREFIX + "public-key-location"));
    }

    static class Absent implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new ExternalIssuerCondition().matches(context, metadata);
        }
    }
}
