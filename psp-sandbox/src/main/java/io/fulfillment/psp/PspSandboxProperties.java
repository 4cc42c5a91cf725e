package io.fulfillment.psp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code randomSeed} makes injected errors and declines reproducible; without it every run draws differently. */
@ConfigurationProperties("psp-sandbox")
record PspSandboxProperties(Long randomSeed) {}
