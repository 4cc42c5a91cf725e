package io.fulfillment.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.UUID;

/**
 * An RSA key pair generated at startup: signs development tokens and verifies them when no external identity provider
 * is configured. Tokens do not survive a restart of the gateway, which is what a development key should do, and are
 * valid at the gateway that issued them only: development tokens are single-instance (ADR 0015).
 */
final class LocalSigningKey {

    private final RSAKey key;

    LocalSigningKey() {
        try {
            key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the gateway's development signing key", e);
        }
    }

    RSAKey key() {
        return key;
    }

    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
