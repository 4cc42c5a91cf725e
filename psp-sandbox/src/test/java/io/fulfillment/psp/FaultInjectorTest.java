package io.fulfillment.psp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private static final long SEED = 7;
    private static final int CALLS = 2_000;

    private final FaultInjector faults = new FaultInjector(new Random(SEED));

    @Test
    void letsEveryCallThroughByDefault() {
        for (int i = 0; i < 100; i++) {
            assertThat(faults.enter()).isEqualTo(FaultInjector.Call.NORMAL);
            assertThat(faults.decline()).isEmpty();
        }
    }

    @Test
    void failsEveryCallDuringOutage() {
        faults.change(new Faults(0, 0, 0, 0, 0, true, null));

        assertThatThrownBy(faults::enter).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void failsAboutTheInjectedShareOfCallsSomeBeforeAndSomeAfterTheWork() {
        faults.change(new Faults(0, 0, 0.2, 0, 0, false, null));

        int failedBefore = 0;
        int lostResponses = 0;
        for (int i = 0; i < CALLS; i++) {
            try {
                if (faults.enter() == FaultInjector.Call.LOST_RESPONSE) {
                    lostResponses++;
                }
            } catch (ProviderUnavailableException e) {
                failedBefore++;
            }
        }

        assertThat(failedBefore + lostResponses).isBetween(320, 480);
        assertThat(failedBefore).isPositive();
        assertThat(lostResponses).isPositive();
    }

    @Test
    void losesEveryAnswerAtFullLostResponseRateButLetsReadsThrough() {
        faults.change(new Faults(0, 0, 0, 1, 0, false, null));

        for (int i = 0; i < 100; i++) {
            assertThat(faults.enter()).isEqualTo(FaultInjector.Call.LOST_RESPONSE);
            faults.enterRead();
        }
    }

    @Test
    void failsReadsDuringOutageAndAtFullErrorRate() {
        faults.change(new Faults(0, 0, 0, 0, 0, true, null));
        assertThatThrownBy(faults::enterRead).isInstanceOf(ProviderUnavailableException.class);

        faults.change(new Faults(0, 0, 1, 0, 0, false, null));
        assertThatThrownBy(faults::enterRead).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void declinesEveryChargeAtFullRateAndNoneAtZero() {
        faults.change(new Faults(0, 0, 0, 0, 1, false, null));
        assertThat(faults.decline()).contains(FaultInjector.DECLINE_REASON);

        faults.change(new Faults(0, 0, 0, 0, 0, false, null));
        assertThat(faults.decline()).isEmpty();
    }

    @Test
    void repeatsTheSameDrawsForTheSameSeed() {
        assertThat(draws(new Faults(0, 0, 0.5, 0, 0.5, false, 99L)))
                .isEqualTo(draws(new Faults(0, 0, 0.5, 0, 0.5, false, 99L)));
    }

    @Test
    void waitsTheInjectedLatency() {
        faults.change(new Faults(50, 0, 0, 0, 0, false, null));

        long started = System.nanoTime();
        faults.enter();

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(50);
    }

    @Test
    void resetsToNoFaults() {
        faults.change(new Faults(10, 5, 0.5, 0, 0.5, true, null));

        faults.reset();

        assertThat(faults.current()).isEqualTo(Faults.NONE);
    }

    private List<String> draws(Faults seeded) {
        faults.change(seeded);
        List<String> draws = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            try {
                draws.add(faults.enter().name());
            } catch (ProviderUnavailableException e) {
                draws.add("UNAVAILABLE");
            }
            draws.add(String.valueOf(faults.decline().isPresent()));
        }
        return draws;
    }
}
