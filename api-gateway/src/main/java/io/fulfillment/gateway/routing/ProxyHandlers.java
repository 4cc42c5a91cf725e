package io.fulfillment.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchangeHandlerFunction;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Spring Cloud Gateway's proxy handler, one per route, each with its own HTTP client so that connect and read timeouts
 * are per route (the gateway's shared client has global timeouts only). The gateway's request and response header
 * filters (hop-by-hop, forwarded, content-length) apply as for its own routes.
 */
@Component
class ProxyHandlers implements ApplicationListener<ContextRefreshedEvent> {

    private final ObjectProvider<RestClient.Builder> restClients;
    private final GatewayMvcProperties gatewayProperties;
    private final ObjectProvider<RequestHttpHeadersFilter> requestHeaderFilters;
    private final ObjectProvider<ResponseHttpHeadersFilter> responseHeaderFilters;
    private final List<ProxyExchangeHandlerFunction> created = new CopyOnWriteArrayList<>();

    ProxyHandlers(
            ObjectProvider<RestClient.Builder> restClients,
            GatewayMvcProperties gatewayProperties,
            ObjectProvider<RequestHttpHeadersFilter> requestHeaderFilters,
            ObjectProvider<ResponseHttpHeadersFilter> responseHeaderFilters) {
        this.restClients = restClients;
        this.gatewayProperties = gatewayProperties;
        this.requestHeaderFilters = requestHeaderFilters;
        this.responseHeaderFilters = responseHeaderFilters;
    }

    /** A proxy to {@code backend} (scheme, host and port are used; the path comes from the request). */
    ProxyExchangeHandlerFunction to(URI backend, Duration connectTimeout, Duration readTimeout) {
        ClientHttpRequestFactorySettings settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(connectTimeout)
                .withReadTimeout(readTimeout == null || readTimeout.isZero() ? null : readTimeout)
                .withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
        RestClient client = restClients
                .getObject()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .build();
        ProxyExchangeHandlerFunction handler = new ProxyExchangeHandlerFunction(
                new RestClientProxyExchange(client, gatewayProperties),
                requestHeaderFilters,
                responseHeaderFilters,
                request -> backend);
        created.add(handler);
        return handler;
    }

    /** The proxy handlers collect the header filters when the context is refreshed, as the gateway's own bean does. */
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        created.forEach(handler -> handler.onApplicationEvent(event));
    }
}
