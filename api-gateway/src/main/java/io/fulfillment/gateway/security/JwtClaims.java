package io.fulfillment.gateway.security;

/** Claim names the gateway reads; a real identity provider must be configured to issue them. */
final class JwtClaims {

    static final String CUSTOMER_ID = "customer_id";
    static final String ROLES = "roles";

    private JwtClaims() {}
}
