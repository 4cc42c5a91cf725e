package io.fulfillment.payment.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Socket-level limits of the PSP client. The base URL ({@value PspClient#BASE_URL}) is deliberately not bound here: it
 * may name {@code local.server.port}, which exists only once the web server runs, so the client reads it at its first
 * call.
 */
@ConfigurationProperties("fulfillment.payment.psp")
record PspProperties(@DefaultValue("1s") Duration connectTimeout, @DefaultValue("3s") Duration readTimeout) {}
