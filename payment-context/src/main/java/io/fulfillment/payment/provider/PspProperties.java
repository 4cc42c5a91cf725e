package io.fulfillment.payment.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Socket-level limit of the PSP client: how long it may take to open a connection. It must be shorter than the time
 * limiter's {@code timeout-duration}, so that an unreachable provider fails an attempt as an I/O error the retry can
 * cure, not as a time-out. How long a whole attempt may take has one home, the time limiter ({@code
 * resilience4j.timelimiter.configs.provider}); the HTTP client's read timeout is derived from it ({@link PspClient}).
 * The base URL ({@value PspClient#BASE_URL}) is deliberately not bound here: it may name {@code local.server.port},
 * which exists only once the web server runs, so the client reads it at its first call.
 */
@ConfigurationProperties("fulfillment.payment.psp")
record PspProperties(@DefaultValue("1s") Duration connectTimeout) {}
