package io.fulfillment.gateway.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Issues short-lived ES256 tokens for the configured demo users. For local development only. */
@RestController
@ConditionalOnProperty(prefix = "fulfillment.gateway.dev-tokens", name = "enabled", havingValue = "true")
class DevTokenController {

    private final DevTokenProperties properties;
    private final JwtEncoder encoder;
    private final String keyId;
    private final Clock clock;

    DevTokenController(DevTokenProperties properties, JwtEncoder encoder, LocalSigningKey signingKey, Clock clock) {
        this.properties = properties;
        this.encoder = encoder;
        this.keyId = signingKey.key().getKeyID();
        this.clock = clock;
    }

    @PostMapping("${fulfillment.gateway.prefix:/api/v1}/dev/token")
    TokenResponse issue(@RequestBody TokenRequest request) {
        DevTokenProperties.DemoUser user =
                request.username() == null ? null : properties.users().get(request.username());
        if (user == null || !samePassword(user.password(), request.password())) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Unknown user or wrong password.");
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(request.username())
                .issuedAt(now)
                .expiresAt(now.plus(properties.ttl()))
                .id(UUID.randomUUID().toString())
                .claim(JwtClaims.ROLES, user.roles());
        if (user.customerId() != null) {
            claims.claim(JwtClaims.CUSTOMER_ID, user.customerId());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(keyId).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build()))
                .getTokenValue();
        return new TokenResponse(token, "Bearer", properties.ttl().toSeconds());
    }

    private static boolean samePassword(String expected, String offered) {
        return expected != null
                && offered != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    record TokenRequest(String username, String password) {}

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}
}
