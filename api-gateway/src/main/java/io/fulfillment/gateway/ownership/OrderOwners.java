package io.fulfillment.gateway.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fulfillment.gateway.correlation.CorrelationId;
import io.fulfillment.gateway.routing.Backends;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Who owns an order, asked of the order read side ({@code GET /orders/{id}} on the {@code order-query} backend). An
 * order never changes owner, so answers are cached; an unknown order is not cached (it may just not be projected yet).
 */
@Component
class OrderOwners {

    private final RestClient orders;
    private final Cache<String, String> owners =
            Caffeine.newBuilder().maximumSize(50_000).build();

    OrderOwners(
            RestClient.Builder restClient,
            Backends backends,
            @Value("${fulfillment.gateway.ownership.backend:order-query}") String backend,
            @Value("${fulfillment.gateway.ownership.timeout:3s}") Duration timeout) {
        this.orders = restClient
                .baseUrl(backends.uri(backend).toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .build(ClientHttpRequestFactorySettings.defaults()
                                .withConnectTimeout(timeout)
                                .withReadTimeout(timeout)))
                .build();
    }

    /** The customer id of the order, empty when the read side does not know the order. */
    Optional<String> ownerOf(String orderId) {
        String cached = owners.getIfPresent(orderId);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            JsonNode order = orders.get()
                    .uri("/orders/{id}", orderId)
                    .header(CorrelationId.HEADER, CorrelationId.current())
                    .retrieve()
                    .body(JsonNode.class);
            String owner = order == null ? null : order.path("customerId").asText(null);
            if (owner != null) {
                owners.put(orderId, owner);
            }
            return Optional.ofNullable(owner);
        } catch (HttpClientErrorException e) {
            // 404: no such order; 400: not even a valid order id. Either way the caller owns no such order.
            return Optional.empty();
        }
    }
}
