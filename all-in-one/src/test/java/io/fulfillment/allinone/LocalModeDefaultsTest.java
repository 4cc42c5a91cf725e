package io.fulfillment.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.updates.configuration.CommandLineUsagePropertyProvider;
import org.axonframework.updates.configuration.EnvironmentVariableUsagePropertyProvider;
import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the launcher sets before anything starts, read back through Axon's own update-checker settings. */
class LocalModeDefaultsTest {

    private String before;

    @BeforeEach
    void clear() {
        before = System.getProperty(FulfillmentApplication.UPDATE_CHECKER_DISABLED);
        System.clearProperty(FulfillmentApplication.UPDATE_CHECKER_DISABLED);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(FulfillmentApplication.UPDATE_CHECKER_DISABLED);
        } else {
            System.setProperty(FulfillmentApplication.UPDATE_CHECKER_DISABLED, before);
        }
    }

    @Test
    void theUpdateCheckerIsOffByDefault() {
        FulfillmentApplication.turnOffUpdateCheckerUnlessAsked(Map.of());

        assertThat(axonSettings(Map.of()).getDisabled()).isTrue();
    }

    @Test
    void aSystemPropertyTurnsItOn() {
        System.setProperty(FulfillmentApplication.UPDATE_CHECKER_DISABLED, "false");

        FulfillmentApplication.turnOffUpdateCheckerUnlessAsked(Map.of());

        assertThat(axonSettings(Map.of()).getDisabled()).isFalse();
    }

    @Test
    void anEnvironmentVariableTurnsItOn() {
        Map<String, String> environment = Map.of(FulfillmentApplication.UPDATE_CHECKER_DISABLED_VARIABLE, "false");

        FulfillmentApplication.turnOffUpdateCheckerUnlessAsked(environment);

        assertThat(axonSettings(environment).getDisabled()).isFalse();
    }

    private static UsagePropertyProvider axonSettings(Map<String, String> environment) {
        return UsagePropertyProvider.create(
                new CommandLineUsagePropertyProvider(), new EnvironmentVariableUsagePropertyProvider(environment::get));
    }
}
