package io.fulfillment.gateway.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller as the gateway's rules see it: the token subject, the customer the token speaks for (null
 * for staff) and whether it carries the admin role.
 */
public record Caller(String subject, String customerId, boolean admin) {

    public static final String ROLE_ADMIN = "ROLE_ADMIN";

    /** The caller of the current request, empty when it is anonymous. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return Optional.empty();
        }
        boolean admin = jwt.getAuthorities().stream().anyMatch(a -> ROLE_ADMIN.equals(a.getAuthority()));
        String customerId = (String) jwt.getTokenAttributes().get(JwtClaims.CUSTOMER_ID);
        return Optional.of(new Caller(jwt.getName(), customerId, admin));
    }

    /** True when the caller may act on data owned by the given customer. */
    public boolean mayActFor(String ownerCustomerId) {
        return admin || (customerId != null && customerId.equals(ownerCustomerId));
    }
}
