package io.fulfillment.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fulfillment.gateway.FakeBackend;
import io.fulfillment.gateway.GatewayITSupport;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuthenticationIT extends GatewayITSupport {

    private static final String ADAS_ORDER_PATH = "/api/v1/orders/" + FakeBackend.ADAS_ORDER;

    @Autowired
    LocalSigningKey signingKey;

    @Autowired
    DevTokenProperties devTokens;

    @Test
    void refusesRequestWithoutTokenWithProblemAndChallenge() {
        Answer answer = send(get(ADAS_ORDER_PATH).build());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void refusesExpiredToken() throws Exception {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        String expired = sign(signingKey.key(), anHourAgo.minusSeconds(900), anHourAgo);

        Answer answer = send(get(ADAS_ORDER_PATH)
                .header("Authorization", "Bearer " + expired)
                .build());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void refusesTokenSignedByAnotherKey() throws Exception {
        ECKey impostor = new LocalSigningKey().key();
        String forged = sign(impostor, Instant.now(), Instant.now().plusSeconds(600));

        Answer answer = send(
                get(ADAS_ORDER_PATH).header("Authorization", "Bearer " + forged).build());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void devTokenEndpointIssuesTokenTheGatewayAccepts() {
        Answer token = send(post("/api/v1/dev/token", "{\"username\":\"customer-ada\",\"password\":\"ada-demo\"}")
                .build());
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token_type").asText()).isEqualTo("Bearer");

        Answer answer = send(get(ADAS_ORDER_PATH)
                .header(
                        "Authorization",
                        "Bearer " + token.json().get("access_token").asText())
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("customerId").asText()).isEqualTo(FakeBackend.ADA);
    }

    @Test
    void devTokenEndpointRefusesWrongPassword() {
        Answer token = send(post("/api/v1/dev/token", "{\"username\":\"customer-ada\",\"password\":\"guess\"}")
                .build());

        assertThat(token.status()).isEqualTo(401);
        assertThat(token.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anonymousCallerMayReadTheCatalogue() {
        assertThat(send(get("/api/v1/products").build()).status()).isEqualTo(200);
    }

    @Test
    void publishesThePublicSigningKey() {
        Answer jwks = send(get("/.well-known/jwks.json").build());

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).get("kid").asText())
                .isEqualTo(signingKey.key().getKeyID());
        assertThat(jwks.json().get("keys").get(0).has("d")).isFalse();
    }

    private String sign(ECKey key, Instant issuedAt, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(signingKey.key().getKeyID())
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(devTokens.issuer())
                        .subject(FakeBackend.ADA)
                        .claim(JwtClaims.CUSTOMER_ID, FakeBackend.ADA)
                        .claim(JwtClaims.ROLES, List.of("CUSTOMER"))
                        .issueTime(Date.from(issuedAt))
                        .expirationTime(Date.from(expiresAt))
                        .build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
