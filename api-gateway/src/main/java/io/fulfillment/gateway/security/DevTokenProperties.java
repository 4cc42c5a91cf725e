package io.fulfillment.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development token endpoint: off unless {@code enabled} (the {@code local} profile turns it on). {@code issuer}
 * is also what the locally generated key's tokens are validated against.
 */
@ConfigurationProperties("fulfillment.gateway.dev-tokens")
record DevTokenProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("fulfillment-gateway-dev") String issuer,
        @DefaultValue("15m") Duration ttl,
        Map<String, DemoUser> users) {

    DevTokenProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    record DemoUser(String password, String customerId, List<String> roles) {

        DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
