package io.fulfillment.gateway.readiness;

import io.fulfillment.gateway.routing.Backends;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Whether every backend answers: each one's {@code /actuator/health/readiness} says UP. Used where the gateway starts
 * together with its backends (the all-in-one process, {@code fulfillment.gateway.await-backends.enabled}): the gateway
 * is ready only once the whole path answers. Once every backend has answered the gateway stays ready; a backend that
 * fails later is the circuit breakers' business, not a reason to take the front door out of service.
 */
@Component
@ConditionalOnProperty("fulfillment.gateway.await-backends.enabled")
public class BackendsHealthIndicator implements HealthIndicator {

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

    private final List<URI> backends;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private volatile boolean ready;
    private volatile Instant lastProbe = Instant.MIN;
    private volatile String waitingFor = "not probed yet";

    BackendsHealthIndicator(Backends backends, Clock clock) {
        this.backends = backends.all();
        this.clock = clock;
    }

    /** True once every backend has said it is ready; probes at most every 250 ms. */
    public boolean ready() {
        if (ready) {
            return true;
        }
        Instant now = clock.instant();
        synchronized (this) {
            if (!ready && lastProbe.plus(PROBE_INTERVAL).isBefore(now)) {
                lastProbe = now;
                String notReady = backends.stream()
                        .filter(backend -> !answers(backend))
                        .map(URI::toString)
                        .findFirst()
                        .orElse(null);
                waitingFor = notReady;
                ready = notReady == null;
            }
        }
        return ready;
    }

    @Override
    public Health health() {
        return ready()
                ? Health.up().build()
                : Health.outOfService().withDetail("waitingFor", waitingFor).build();
    }

    private boolean answers(URI backend) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(backend.resolve("/actuator/health/readiness"))
                            .timeout(PROBE_TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
