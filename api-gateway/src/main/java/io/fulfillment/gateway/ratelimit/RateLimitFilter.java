package io.fulfillment.gateway.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fulfillment.gateway.problem.Problems;
import io.fulfillment.gateway.security.Caller;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller rate limit on the API ({@code /api/**}), in memory (Bucket4j buckets in a bounded Caffeine cache). It runs
 * inside the security chain right after the bearer token is read, so an authenticated caller is keyed by the token
 * subject, an anonymous one by client address. Over the limit: 429 problem+json with {@code Retry-After} in seconds.
 * A shared store (Redis through a Bucket4j {@code ProxyManager}) would replace the cache for several gateway replicas.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private static final String REMAINING = "X-RateLimit-Remaining";

    private final RateLimitProperties properties;
    private final ObjectMapper objectMapper;
    private final String apiPrefix;
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(
            RateLimitProperties properties,
            ObjectMapper objectMapper,
            @Value("${fulfillment.gateway.prefix:/api/v1}") String apiPrefix) {
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.apiPrefix = apiPrefix;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxKeys())
                .expireAfterAccess(longest(
                        properties.customer().period(), properties.anonymous().period()))
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !request.getRequestURI().startsWith(apiPrefix + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = Caller.current()
                .map(caller -> bucket("customer:" + caller.subject(), properties.customer()))
                .orElseGet(() -> bucket("ip:" + request.getRemoteAddr(), properties.anonymous()))
                .tryConsumeAndReturnRemaining(1);
        response.setHeader(REMAINING, Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfterSeconds =
                Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        Problems.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit exceeded; retry in " + retryAfterSeconds + " s.",
                objectMapper);
    }

    private Bucket bucket(String key, RateLimitProperties.Limit limit) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build());
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The filter belongs to the security chain only; keep Spring Boot from also registering it with the servlet. */
    @Bean
    static FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
