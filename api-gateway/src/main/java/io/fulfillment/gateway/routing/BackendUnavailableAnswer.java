package io.fulfillment.gateway.routing;

import java.util.Set;
import java.util.function.Predicate;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Which backend answers count against a route's circuit breaker: 502, 503 and 504 — the backend, or something it
 * depends on, says it cannot serve anyone now. Every other answer is about the one request: a 4xx is the caller's, a 500
 * one request's failure (logged by the backend), and neither may stop other callers from being served (ADR 0009).
 *
 * <p>resilience4j's {@code record-result-predicate} ({@code gateway.yml}); the answer itself still reaches the caller
 * unchanged. Public with a public constructor because resilience4j instantiates it by reflection.
 */
public final class BackendUnavailableAnswer implements Predicate<Object> {

    static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);

    @Override
    public boolean test(Object result) {
        return result instanceof ServerResponse response
                && UNAVAILABLE.contains(response.statusCode().value());
    }
}
