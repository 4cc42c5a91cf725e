package io.fulfillment.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routes are data: each one maps request paths under {@code prefix} to a named backend, with its own timeouts and a
 * circuit breaker named after the route. Backends are base URIs; in the all-in-one mode every backend is the same
 * loopback address, in the distributed mode each is its own service.
 *
 * @param defaultBackend used for every backend name without an entry in {@code backends}
 * @param routes matched in order; a path may name {@code {id}} for the order-ownership rules
 */
@ConfigurationProperties("fulfillment.gateway")
record RoutingProperties(
        @DefaultValue("/api/v1") String prefix,
        @DefaultValue("http://127.0.0.1:8081") URI defaultBackend,
        Map<String, URI> backends,
        @DefaultValue RouteDefaults routeDefaults,
        List<Route> routes) {

    RoutingProperties {
        backends = backends == null ? Map.of() : Map.copyOf(backends);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    URI backend(String name) {
        return backends.getOrDefault(name, defaultBackend);
    }

    record RouteDefaults(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {}

    /**
     * @param paths path patterns below the prefix, e.g. {@code /orders/{id}/cancel}
     * @param methods empty for all methods
     * @param backendPath when set, the backend path replacing the whole request path (API docs); otherwise the prefix
     *     is stripped
     * @param readTimeout zero for none (event streams)
     */
    record Route(
            String id,
            String backend,
            List<String> paths,
            Set<String> methods,
            @DefaultValue("none") Ownership ownership,
            String backendPath,
            Duration connectTimeout,
            Duration readTimeout) {

        Route {
            paths = paths == null ? List.of() : List.copyOf(paths);
            methods = methods == null ? Set.of() : Set.copyOf(methods);
        }
    }

    /** Which ownership rule a customer's request must pass before it is forwarded. */
    enum Ownership {
        NONE,
        ORDER_IN_PATH,
        CUSTOMER_IN_BODY,
        CUSTOMER_IN_QUERY
    }
}
