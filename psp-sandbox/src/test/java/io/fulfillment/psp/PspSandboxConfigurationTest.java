package io.fulfillment.psp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class PspSandboxConfigurationTest {

    @TempDir
    Path dataDir;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(PspSandboxConfiguration.class);

    @Test
    void keepsTheLedgerInTheHostsDataDirectory() {
        runner.withPropertyValues("fulfillment.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(dataDir.resolve(Ledger.FILE_NAME)).isRegularFile();
        });
    }

    @Test
    void keepsTheLedgerInPspDataDirWhenItIsSet() {
        Path own = dataDir.resolve("psp");
        runner.withPropertyValues("fulfillment.data-dir=" + dataDir, "PSP_DATA_DIR=" + own)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(own.resolve(Ledger.FILE_NAME)).isRegularFile();
                    assertThat(dataDir.resolve(Ledger.FILE_NAME)).doesNotExist();
                });
    }

    @Test
    void keepsTheLedgerWhereItsOwnSettingSays() {
        Path own = dataDir.resolve("ledger");
        runner.withPropertyValues("fulfillment.data-dir=" + dataDir, "psp-sandbox.data-dir=" + own)
                .run(context -> assertThat(own.resolve(Ledger.FILE_NAME)).isRegularFile());
    }
}
