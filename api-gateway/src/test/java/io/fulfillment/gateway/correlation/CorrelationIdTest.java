package io.fulfillment.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdTest {

    @Test
    void acceptsShortTokens() {
        assertThat(CorrelationId.isAcceptable("order-42_retry.1")).isTrue();
        assertThat(CorrelationId.isAcceptable("x".repeat(64))).isTrue();
    }

    @Test
    void refusesWhatCannotSafelyBeLoggedOrEchoed() {
        assertThat(CorrelationId.isAcceptable(null)).isFalse();
        assertThat(CorrelationId.isAcceptable("")).isFalse();
        assertThat(CorrelationId.isAcceptable("x".repeat(65))).isFalse();
        assertThat(CorrelationId.isAcceptable("a b")).isFalse();
        assertThat(CorrelationId.isAcceptable("a\r\nSet-Cookie: x")).isFalse();
    }
}
