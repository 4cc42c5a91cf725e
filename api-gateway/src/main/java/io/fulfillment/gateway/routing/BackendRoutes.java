package io.fulfillment.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.rewritePath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.CircuitBreakerFilterFunctions.circuitBreaker;

import io.fulfillment.gateway.correlation.CorrelationId;
import io.fulfillment.gateway.ownership.OwnershipFilters;
import io.fulfillment.gateway.problem.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Turns the configured routes (and one admin route per service) into Spring Cloud Gateway (server MVC) routes built
 * from the library's filters. Each route is, outermost first: our answer to an unavailable backend → the library's
 * circuit breaker (named after the route; what counts is resilience4j's configuration, ADR 0009) → our ownership rule
 * → the library's path rewrite → the proxy; on the way back the library drops the backend's echo of the correlation id
 * (the gateway already answers with it) and a backend-relative {@code Location} gets the public path again.
 */
@Configuration(proxyBeanMethods = false)
class BackendRoutes {

    private static final Logger log = LoggerFactory.getLogger(BackendRoutes.class);

    @Bean
    RouterFunction<ServerResponse> backendRouterFunction(
            RoutingProperties properties, ProxyHandlers proxies, OwnershipFilters ownership) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        String prefix = properties.prefix();
        for (RoutingProperties.Route route : properties.allRoutes()) {
            RoutingProperties.RouteDefaults defaults = properties.routeDefaults();
            Duration connectTimeout =
                    route.connectTimeout() != null ? route.connectTimeout() : defaults.connectTimeout();
            Duration readTimeout = route.readTimeout() != null ? route.readTimeout() : defaults.readTimeout();
            RouterFunctions.Builder one = GatewayRouterFunctions.route(route.id())
                    .route(
                            predicate(prefix, route),
                            proxies.to(properties.backend(route.backend()), connectTimeout, readTimeout))
                    .filter(problemWhenUnavailable(route.id()))
                    .filter(circuitBreaker(route.id()))
                    .filter(ownershipRule(route.ownership(), ownership));
            if (StringUtils.hasText(route.backendPath())) {
                one.before(setPath(route.backendPath()));
            } else {
                route.rewrites()
                        .forEach(rewrite ->
                                one.before(rewritePath(leading(prefix + rewrite.from()), rewrite.to() + "${rest}")));
                one.before(rewritePath(leading(prefix), "${rest}"));
            }
            routes.add(one.after(removeResponseHeader(CorrelationId.HEADER))
                    .after((request, response) -> publicLocation(prefix, route, response))
                    .build());
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

    /** The path segments {@code from} at the start of a path, and whatever follows them as {@code rest}. */
    private static String leading(String from) {
        return "^" + Pattern.quote(from) + "(?<rest>/.*)?$";
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
     * The library's breaker, without a fallback route, ends a failed exchange with a {@link ResponseStatusException}
     * whose cause is what happened: an open circuit, a backend that could not be reached or did not answer in time.
     * That becomes our 503 problem+json (504 on a timeout), as the gateway answered before the library's breaker.
     */
    private static HandlerFilterFunction<ServerResponse, ServerResponse> problemWhenUnavailable(String routeId) {
        return (request, next) -> {
            try {
                return next.handle(request);
            } catch (ResponseStatusException failure) {
                return unavailable(routeId, request, failure.getCause() != null ? failure.getCause() : failure);
            }
        };
    }

    private static ServerResponse unavailable(String routeId, ServerRequest request, Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return Problems.response(
                    request,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The " + routeId + " backend is unavailable (circuit open).");
        }
        if (causedByTimeout(failure)) {
            log.warn("route {} timed out: {}", routeId, failure.toString());
            return Problems.response(
                    request, HttpStatus.GATEWAY_TIMEOUT, "The " + routeId + " backend did not answer in time.");
        }
        log.warn("route {} failed: {}", routeId, failure.toString());
        return Problems.response(
                request, HttpStatus.SERVICE_UNAVAILABLE, "The " + routeId + " backend is unavailable.");
    }

    private static boolean causedByTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A {@code Location} the backend gave relative to itself, as a path of the public API. */
    private static ServerResponse publicLocation(
            String prefix, RoutingProperties.Route route, ServerResponse response) {
        URI location = response.headers().getLocation();
        if (location != null && !location.isAbsolute() && location.getPath().startsWith("/")) {
            response.headers().setLocation(URI.create(prefix + route.publicPathOf(location.toString())));
        }
        return response;
    }
}
