package io.fulfillment.psp;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code randomSeed} makes injected errors and declines reproducible; without it every run draws differently.
 * {@code dataDir} holds the ledger ({@link Ledger#FILE_NAME}); by default {@code PSP_DATA_DIR}, else the host's
 * {@code fulfillment.data-dir} (psp-sandbox-defaults.properties).
 */
@ConfigurationProperties("psp-sandbox")
@Validated
record PspSandboxProperties(Long randomSeed, @NotNull Path dataDir) {}
