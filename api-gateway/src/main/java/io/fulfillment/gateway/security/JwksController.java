package io.fulfillment.gateway.security;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public half of the local signing key, as an identity provider would. */
@RestController
class JwksController {

    private final LocalSigningKey signingKey;

    JwksController(LocalSigningKey signingKey) {
        this.signingKey = signingKey;
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> keys() {
        return signingKey.publicKeys().toJSONObject();
    }
}
