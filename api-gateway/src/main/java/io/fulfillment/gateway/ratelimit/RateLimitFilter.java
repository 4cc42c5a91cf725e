package io.fulfillment.gateway.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.gateway.problem.Problems;
import io.fulfillment.gateway.security.Caller;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller rate limit on the API ({@code /api/**}): Bucket4j token buckets in {@link RateLimitBuckets} — in Redis
 * when configured, shared by every gateway replica, otherwise in this process. It runs inside the security chain right
 * after the bearer token is read, so an authenticated caller is keyed by the token subject, an anonymous one by client
 * address; it covers the routes and the gateway's own endpoints (token, order details) alike, before any route does
 * work. Over the limit: 429 problem+json with {@code Retry-After} in seconds and {@code X-RateLimit-Remaining}.
 *
 * <p>When Redis does not answer in time the request is let through and a warning logged: the limit protects the
 * backends from one greedy caller, and losing it for a moment is better than refusing everybody (ADR 0015).
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String REMAINING = "X-RateLimit-Remaining";

    private final RateLimitProperties properties;
    private final ObjectMapper objectMapper;
    private final String apiPrefix;
    private final ProxyManager<String> buckets;
    private final BucketConfiguration customerLimit;
    private final BucketConfiguration anonymousLimit;

    RateLimitFilter(
            RateLimitProperties properties,
            RateLimitBuckets buckets,
            ObjectMapper objectMapper,
            @Value("${fulfillment.gateway.prefix:/api/v1}") String apiPrefix) {
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.apiPrefix = apiPrefix;
        this.buckets = buckets.proxyManager();
        this.customerLimit = configurationOf(properties.customer());
        this.anonymousLimit = configurationOf(properties.anonymous());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !request.getRequestURI().startsWith(apiPrefix + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe;
        try {
            probe = Caller.current()
                    .map(caller -> buckets.builder().build("customer:" + caller.subject(), customerLimit))
                    .orElseGet(() -> buckets.builder().build("ip:" + request.getRemoteAddr(), anonymousLimit))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException storeUnavailable) {
            log.warn("rate limit not applied, its bucket store failed: {}", storeUnavailable.toString());
            chain.doFilter(request, response);
            return;
        }
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

    private static BucketConfiguration configurationOf(RateLimitProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
    }

    @Bean(destroyMethod = "destroy")
    static RateLimitBuckets rateLimitBuckets(RateLimitProperties properties) {
        return RateLimitBuckets.of(properties);
    }

    /** The filter belongs to the security chain only; keep Spring Boot from also registering it with the servlet. */
    @Bean
    static FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
