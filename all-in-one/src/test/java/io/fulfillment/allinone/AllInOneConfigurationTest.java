package io.fulfillment.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.chassis.defaults.PreparedEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.Show;

/**
 * The one-process system's effective configuration, prepared exactly as {@link FulfillmentApplication#main} prepares
 * its two applications, without starting them: a local system for one developer, so its backends listen on loopback,
 * show their health details, register the demo catalogue, and its gateway issues development tokens.
 */
class AllInOneConfigurationTest {

    private static final PreparedEnvironment backends = PreparedEnvironment.of(FulfillmentApplication.backends());
    private static final PreparedEnvironment gateway = PreparedEnvironment.of(FulfillmentApplication.gateway());

    @Test
    void runsEveryContextOnTheEmbeddedStoresBehindTheGateway() {
        assertThat(backends.property("fulfillment.mode")).isNull();
        assertThat(backends.isOn("axon.axonserver.enabled")).isFalse();
        assertThat(backends.property("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void showsTheBackendsHealthDetailsOnLoopback() {
        assertThat(backends.healthDetails()).isEqualTo(Show.ALWAYS);
    }

    @Test
    void exposesTheProbesMetricsAndThePaymentProvidersResilienceState() {
        assertThat(backends.exposedEndpoints())
                .containsExactlyInAnyOrder(
                        "health",
                        "info",
                        "metrics",
                        "prometheus",
                        "circuitbreakers",
                        "circuitbreakerevents",
                        "retries",
                        "bulkheads",
                        "timelimiters");
    }

    @Test
    void registersTheDemoCatalogue() {
        assertThat(backends.isOn("fulfillment.inventory.demo-catalogue.enabled"))
                .isTrue();
    }

    @Test
    void takesEveryContextsDefaults() {
        assertThat(backends.property("axon.eventhandling.processors.OrderFulfillmentSagaProcessor.thread-count"))
                .as("order-command")
                .isEqualTo("1");
        assertThat(backends.property("fulfillment.order-query.stream.timeout"))
                .as("order-query")
                .isEqualTo("5m");
        assertThat(backends.property("fulfillment.inventory.demo-catalogue.products[0].id"))
                .as("inventory")
                .isEqualTo("keyboard");
        assertThat(backends.property("fulfillment.payment.reconciliation.retry-interval"))
                .as("payment")
                .isEqualTo("10s");
        assertThat(backends.property("fulfillment.shipping.carrier.auto-dispatch"))
                .as("shipping")
                .isEqualTo("false");
    }

    @Test
    void issuesDevelopmentTokensAtTheGateway() {
        assertThat(gateway.isOn("fulfillment.gateway.dev-tokens.enabled")).isTrue();
    }
}
