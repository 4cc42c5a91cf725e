package io.fulfillment.gateway.details;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.gateway.correlation.CorrelationId;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** Fetches one part of the order details from its backend, through its own circuit breaker and timeout. */
final class PartFetcher {

    private final RestClient client;
    private final CircuitBreaker circuitBreaker;
    private final Executor executor;
    private final long timeoutMillis;

    PartFetcher(
            RestClient.Builder restClient,
            URI backend,
            CircuitBreaker circuitBreaker,
            Executor executor,
            DetailsProperties properties) {
        this.client = restClient
                .baseUrl(backend.toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .build(ClientHttpRequestFactorySettings.defaults()
                                .withConnectTimeout(properties.connectTimeout())
                                .withReadTimeout(properties.timeout())))
                .build();
        this.circuitBreaker = circuitBreaker;
        this.executor = executor;
        this.timeoutMillis = properties.timeout().toMillis();
    }

    /** Completes with the part, with {@link Part#notYet()} on a 404, or exceptionally when the part is unavailable. */
    CompletableFuture<Part> fetch(String uriTemplate, Object... variables) {
        String correlationId = CorrelationId.current();
        return CompletableFuture.supplyAsync(
                        () -> {
                            MDC.put(CorrelationId.MDC_KEY, correlationId);
                            try {
                                return circuitBreaker.run(() -> get(correlationId, uriTemplate, variables));
                            } finally {
                                MDC.remove(CorrelationId.MDC_KEY);
                            }
                        },
                        executor)
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private Part get(String correlationId, String uriTemplate, Object... variables) {
        try {
            return Part.found(client.get()
                    .uri(uriTemplate, variables)
                    .header(CorrelationId.HEADER, correlationId)
                    .retrieve()
                    .body(JsonNode.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Part.notYet();
            }
            throw e;
        }
    }

    /** A fetched part: its JSON, or null when the backend does not know it (yet). */
    record Part(JsonNode json) {

        static Part found(JsonNode json) {
            return new Part(json);
        }

        static Part notYet() {
            return new Part(null);
        }
    }
}
