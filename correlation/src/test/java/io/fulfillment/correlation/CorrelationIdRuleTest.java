package io.fulfillment.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdRuleTest {

    private static final String EVERY_ACCEPTED_CHARACTER = "abc-123_x.y~z+1!#$%&'*^`|:AZ";

    @Test
    void acceptsTokenCharactersAndColonsUpToTheLimit() {
        assertThat(CorrelationIdRule.isAcceptable(EVERY_ACCEPTED_CHARACTER)).isTrue();
        assertThat(CorrelationIdRule.isAcceptable("order-42_retry.1")).isTrue();
        assertThat(CorrelationIdRule.isAcceptable("x".repeat(CorrelationIdRule.MAX_LENGTH)))
                .isTrue();
    }

    @Test
    void refusesWhatCannotSafelyBeLoggedOrEchoed() {
        assertThat(CorrelationIdRule.isAcceptable(null)).isFalse();
        assertThat(CorrelationIdRule.isAcceptable("")).isFalse();
        assertThat(CorrelationIdRule.isAcceptable("x".repeat(CorrelationIdRule.MAX_LENGTH + 1)))
                .isFalse();
        assertThat(CorrelationIdRule.isAcceptable("a b")).isFalse();
        assertThat(CorrelationIdRule.isAcceptable("a\r\nSet-Cookie: x")).isFalse();
        assertThat(CorrelationIdRule.isAcceptable("<script>")).isFalse();
    }

    @Test
    void keepsAnAcceptableIdAndReplacesAnyOtherWithAUuid() {
        String forged = "abc\r\n2026-01-01 INFO forged";

        assertThat(CorrelationIdRule.acceptOrCreate(EVERY_ACCEPTED_CHARACTER)).isEqualTo(EVERY_ACCEPTED_CHARACTER);
        assertThat(CorrelationIdRule.acceptOrCreate(forged))
                .isNotEqualTo(forged)
                .matches("[0-9a-f-]{36}");
        assertThat(CorrelationIdRule.acceptOrCreate(null)).hasSize(36);
    }
}
