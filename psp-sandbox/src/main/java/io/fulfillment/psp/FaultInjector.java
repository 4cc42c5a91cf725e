package io.fulfillment.psp;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Applies the current {@link Faults} to each call; thread-safe, and reproducible when seeded. */
@Component
class FaultInjector {

    static final String DECLINE_REASON = "insufficient funds";

    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.NONE);
    private final AtomicReference<RandomGenerator> random;

    @Autowired
    FaultInjector(PspSandboxProperties properties) {
        this(properties.randomSeed() == null ? new Random() : new Random(properties.randomSeed()));
    }

    /** {@code random} must be safe for concurrent use. */
    FaultInjector(RandomGenerator random) {
        this.random = new AtomicReference<>(random);
    }

    Faults current() {
        return faults.get();
    }

    void change(Faults changed) {
        if (changed.seed() != null) {
            random.set(new Random(changed.seed()));
        }
        faults.set(changed);
    }

    void reset() {
        faults.set(Faults.NONE);
    }

    /**
     * Starts a call that moves money (charge, refund, reversal): fails at once during an outage, waits the injected
     * latency, and may decide that the call fails now or after its work is done.
     */
    Call enter() {
        Faults current = arrive();
        if (happens(current.errorRate())) {
            if (random.get().nextBoolean()) {
                throw new ProviderUnavailableException("the payment service provider failed (error injected)");
            }
            return Call.LOST_RESPONSE;
        }
        return happens(current.lostResponseRate()) ? Call.LOST_RESPONSE : Call.NORMAL;
    }

    /**
     * Starts a call that only reads (a charge lookup): outage, latency and injected errors apply, lost responses do
     * not, because there is no work whose answer could be lost.
     */
    void enterRead() {
        Faults current = arrive();
        if (happens(current.errorRate())) {
            throw new ProviderUnavailableException("the payment service provider failed (error injected)");
        }
    }

    private Faults arrive() {
        Faults current = faults.get();
        if (current.outage()) {
            throw new ProviderUnavailableException("the payment service provider is down (outage injected)");
        }
        pause(current.latencyMillis() + draw(current.latencyJitterMillis()));
        return current;
    }

    /** The reason a charge is declined, if the injected decline rate says so. */
    Optional<String> decline() {
        return happens(faults.get().declineRate()) ? Optional.of(DECLINE_REASON) : Optional.empty();
    }

    private boolean happens(double rate) {
        return rate > 0 && (rate >= 1 || random.get().nextDouble() < rate);
    }

    private long draw(long bound) {
        return bound > 0 ? random.get().nextLong(bound + 1) : 0;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("the payment service provider was interrupted");
        }
    }

    /** How a call that got past the entry ends. */
    enum Call {
        NORMAL,
        /** The work is done, but the caller gets a 503 as if the response had been lost on the way. */
        LOST_RESPONSE;

        void complete() {
            if (this == LOST_RESPONSE) {
                throw new ProviderUnavailableException("the payment service provider failed (error injected)");
            }
        }
    }
}
