package io.fulfillment.chassis.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdFilterTest {

    @Test
    void keepsEveryIdTheGatewayForwards() {
        String tokenCharacters = "abc-123_x.y~z+1!#$%&'*^`|";

        assertThat(CorrelationIdFilter.acceptOrCreate(tokenCharacters)).isEqualTo(tokenCharacters);
    }

    @Test
    void replacesAnIdThatCouldForgeLogLines() {
        String forged = "abc\r\n2026-01-01 INFO forged";

        assertThat(CorrelationIdFilter.acceptOrCreate(forged))
                .isNotEqualTo(forged)
                .hasSize(36);
    }
}
