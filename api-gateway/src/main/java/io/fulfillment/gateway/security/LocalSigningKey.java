package io.fulfillment.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.UUID;

/**
 * An EC P-256 key pair generated at startup: signs development tokens (ES256) and verifies them when no external
 * identity provider is configured. Tokens do not survive a restart of the gateway, which is what a development key
 * should do, and are valid at the gateway that issued them only: development tokens are single-instance (ADR 0015).
 *
 * <p>EC rather than RSA for the start: a cold JVM spends about 0.7 s of CPU generating an RSA-2048 pair (about a tenth
 * of the all-in-one process's start-up samples) and about 0.06 s on a P-256 pair.
 */
final class LocalSigningKey {

    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    private final ECKey key;

    LocalSigningKey() {
        try {
            key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(ALGORITHM)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the gateway's development signing key", e);
        }
    }

    ECKey key() {
        return key;
    }

    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
