package io.fulfillment.gateway.routing;

import io.fulfillment.gateway.correlation.CorrelationId;
import io.fulfillment.gateway.ownership.OwnershipFilters;
import java.net.URI;
import java.time.Duration;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns the configured routes (and one admin route per service) into Spring Cloud Gateway (server MVC) router
 * functions. Each route is, outermost first: circuit breaker → ownership rule → path rewrite → proxy.
 */
@Configuration(proxyBeanMethods = false)
class BackendRoutes {

    @Bean
    RouterFunction<ServerResponse> backendRouterFunction(
            RoutingProperties properties,
            ProxyHandlers proxies,
            OwnershipFilters ownership,
            CircuitBreakerFactory<?, ?> circuitBreakers) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (RoutingProperties.Route route : properties.allRoutes()) {
            RoutingProperties.RouteDefaults defaults = properties.routeDefaults();
            HandlerFilterFunction<ServerResponse, ServerResponse> filters = new CircuitBreakerFilter(
                            route.id(), circuitBreakers.create(route.id()))
                    .andThen(ownershipRule(route.ownership(), ownership))
                    .andThen(rewritePath(properties.prefix(), route));
            URI backend = properties.backend(route.backend());
            Duration connectTimeout =
                    route.connectTimeout() != null ? route.connectTimeout() : defaults.connectTimeout();
            Duration readTimeout = route.readTimeout() != null ? route.readTimeout() : defaults.readTimeout();
            routes.route(
                    predicate(properties.prefix(), route),
                    filters.apply(proxies.to(backend, connectTimeout, readTimeout)));
        }
        return routes.build();
    }

    private static RequestPredicate predicate(String prefix, RoutingProperties.Route route) {
        if (route.paths().isEmpty()) {
            throw new IllegalStateException("route " + route.id() + " has no paths");
        }
        RequestPredicate paths = route.paths().stream()
                .map(path -> RequestPredicates.path(prefix + path))
                .reduce(RequestPredicate::or)
                .orElseThrow();
        if (route.methods().isEmpty()) {
            return paths;
        }
        HttpMethod[] methods = route.methods().stream().map(HttpMethod::valueOf).toArray(HttpMethod[]::new);
        return RequestPredicates.methods(methods).and(paths);
    }

    private static HandlerFilterFunction<ServerResponse, ServerResponse> ownershipRule(
            RoutingProperties.Ownership rule, OwnershipFilters ownership) {
        return switch (rule) {
            case NONE -> (request, next) -> next.handle(request);
            case ORDER_IN_PATH -> ownership.orderInPath();
            case CUSTOMER_IN_BODY -> ownership.customerInBody();
            case CUSTOMER_IN_QUERY -> ownership.customerInQuery();
        };
    }

    /**
     * Strips the API prefix and applies the route's rewrites, or replaces the whole path when the route names a fixed
     * backend path. On the way back, a backend-relative {@code Location} is rewritten the other way and gets the prefix
     * again, and the backend's echo of the correlation id is dropped because the gateway already answers with it.
     */
    private static HandlerFilterFunction<ServerResponse, ServerResponse> rewritePath(
            String prefix, RoutingProperties.Route route) {
        return (request, next) -> {
            ServerResponse response = next.handle(withPath(request, backendPath(request, prefix, route)));
            URI location = response.headers().getLocation();
            if (location != null && !location.isAbsolute() && location.getPath().startsWith("/")) {
                response.headers().setLocation(URI.create(prefix + route.publicPathOf(location.toString())));
            }
            response.headers().remove(CorrelationId.HEADER);
            return response;
        };
    }

    private static String backendPath(ServerRequest request, String prefix, RoutingProperties.Route route) {
        if (StringUtils.hasText(route.backendPath())) {
            return route.backendPath();
        }
        String path = request.uri().getRawPath();
        return route.backendPathOf(path.startsWith(prefix) ? path.substring(prefix.length()) : path);
    }

    private static ServerRequest withPath(ServerRequest request, String path) {
        URI uri = UriComponentsBuilder.fromUri(request.uri())
                .replacePath(path)
                .build(true)
                .toUri();
        return ServerRequest.from(request).uri(uri).build();
    }
}
