package io.fulfillment.gateway.routing;

import io.fulfillment.gateway.problem.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.http.HttpTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * One route's circuit breaker. What counts against it is resilience4j's configuration ({@code gateway.yml}, ADR 0009):
 * connection failures and timeouts (thrown), and the answers {@link BackendUnavailableAnswer} names (502, 503, 504),
 * which still reach the caller unchanged; a 4xx or a 500 is one request's problem and does not count. While the breaker
 * is open, and whenever the backend cannot be reached, the route answers 503 problem+json (504 on a timeout).
 *
 * <p>The breaker covers the exchange up to the backend's response headers; streamed bodies (SSE) are copied after it.
 */
final class CircuitBreakerFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFilter.class);

    private final String routeId;
    private final CircuitBreaker circuitBreaker;

    CircuitBreakerFilter(String routeId, CircuitBreaker circuitBreaker) {
        this.routeId = routeId;
        this.circuitBreaker = circuitBreaker;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return circuitBreaker.run(() -> handle(request, next), failure -> fallback(request, failure));
    }

    private static ServerResponse handle(ServerRequest request, HandlerFunction<ServerResponse> next) {
        try {
            return next.handle(request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ServerResponse fallback(ServerRequest request, Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return Problems.response(
                    request,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The " + routeId + " backend is unavailable (circuit open).");
        }
        if (causedByTimeout(failure)) {
            log.warn("route {} timed out: {}", routeId, failure.toString());
            return Problems.response(
                    request, HttpStatus.GATEWAY_TIMEOUT, "The " + routeId + " backend did not answer in time.");
        }
        log.warn("route {} failed: {}", routeId, failure.toString());
        return Problems.response(
                request, HttpStatus.SERVICE_UNAVAILABLE, "The " + routeId + " backend is unavailable.");
    }

    private static boolean causedByTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
