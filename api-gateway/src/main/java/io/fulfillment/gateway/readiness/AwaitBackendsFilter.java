package io.fulfillment.gateway.readiness;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.gateway.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until every backend answers ({@link BackendsHealthIndicator}), an API request is answered 503 problem+json with
 * {@code Retry-After} here, before any route: it never reaches a route's circuit breaker, so a client that is early
 * cannot open it for everybody. The development token endpoint needs no backend and is served at once.
 */
@Component
@ConditionalOnProperty("fulfillment.gateway.await-backends.enabled")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class AwaitBackendsFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "1";

    private final BackendsHealthIndicator backends;
    private final ObjectMapper objectMapper;
    private final String prefix;

    AwaitBackendsFilter(
            BackendsHealthIndicator backends,
            ObjectMapper objectMapper,
            @Value("${fulfillment.gateway.prefix:/api/v1}") String prefix) {
        this.backends = backends;
        this.objectMapper = objectMapper;
        this.prefix = prefix;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith(prefix + "/") || path.equals(prefix + "/dev/token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (backends.ready()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        Problems.write(
                request,
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                "The system is still starting; try again shortly.",
                objectMapper);
    }
}
