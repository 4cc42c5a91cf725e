/**
 * The payment service provider (PSP) as this context sees it: an HTTP client that charges and refunds under
 * idempotency keys derived from the payment id, wrapped in resilience4j's retry, circuit breaker, time limiter and
 * bulkhead (instances named {@code psp}, configured in {@code config/payment-context.yml}).
 */
package io.fulfillment.payment.provider;
