package io.fulfillment.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routes are data: each one maps request paths under {@code prefix} to a named backend, with its own timeouts and a
 * circuit breaker named after the route. Backends are base URIs; in the all-in-one mode every backend is the same
 * loopback address, in the distributed mode each is its own service.
 *
 * @param defaultBackend used for every backend name without an entry in {@code backends}
 * @param admin the services whose admin API and actuator are routed under {@code /admin/<service>}
 * @param routes matched in order, after the admin routes; a path may name {@code {id}} for the order-ownership rules
 */
@ConfigurationProperties("fulfillment.gateway")
record RoutingProperties(
        @DefaultValue("/api/v1") String prefix,
        @DefaultValue("http://127.0.0.1:8081") URI defaultBackend,
        Map<String, URI> backends,
        @DefaultValue RouteDefaults routeDefaults,
        @DefaultValue Admin admin,
        List<Route> routes) {

    RoutingProperties {
        backends = backends == null ? Map.of() : Map.copyOf(backends);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** One admin route per service, then the configured routes (whose {@code /admin/**} would match the former). */
    List<Route> allRoutes() {
        return Stream.concat(admin.services().stream().map(admin::routeTo), routes.stream())
                .toList();
    }

    URI backend(String name) {
        return backends.getOrDefault(name, defaultBackend);
    }

    record RouteDefaults(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {}

    /**
     * Every service's operator endpoints through the gateway: {@code /admin/<service>/…} is the service's own
     * {@code /admin/…} (event processors, replay, dead letters) and {@code /admin/<service>/actuator/…} its actuator
     * (health, circuit breakers, metrics). Each service is its own route, with its own circuit breaker
     * ({@code admin-<service>}). In the all-in-one process every service is the one backend.
     *
     * @param services backend names, e.g. {@code payment}
     */
    record Admin(List<String> services, @DefaultValue("60s") Duration readTimeout) {

        static final String PATH = "/admin";
        static final String ACTUATOR = "/actuator";

        Admin {
            services = services == null ? List.of() : List.copyOf(services);
        }

        Route routeTo(String service) {
            String servicePath = PATH + "/" + service;
            return new Route(
                    "admin-" + service,
                    service,
                    List.of(servicePath + "/**"),
                    Set.of(),
                    Ownership.NONE,
                    null,
                    null,
                    readTimeout,
                    List.of(new PrefixRewrite(servicePath + ACTUATOR, ACTUATOR), new PrefixRewrite(servicePath, PATH)));
        }
    }

    /**
     * @param paths path patterns below the prefix, e.g. {@code /orders/{id}/cancel}
     * @param methods empty for all methods
     * @param backendPath when set, the backend path replacing the whole request path (API docs); otherwise the prefix
     *     is stripped
     * @param readTimeout zero for none (event streams)
     * @param rewrites applied to the path below the prefix, the first that matches (the library's rewritePath)
     */
    record Route(
            String id,
            String backend,
            List<String> paths,
            Set<String> methods,
            @DefaultValue("none") Ownership ownership,
            String backendPath,
            Duration connectTimeout,
            Duration readTimeout,
            List<PrefixRewrite> rewrites) {

        Route {
            paths = paths == null ? List.of() : List.copyOf(paths);
            methods = methods == null ? Set.of() : Set.copyOf(methods);
            rewrites = rewrites == null ? List.of() : List.copyOf(rewrites);
        }

        /** The path below the prefix for a path the backend named (a {@code Location}). */
        String publicPathOf(String backendPath) {
            return rewrites.stream()
                    .flatMap(rewrite -> replaceLeading(backendPath, rewrite.to(), rewrite.from()).stream())
                    .findFirst()
                    .orElse(backendPath);
        }
    }

    /** A path that starts with the segments {@code from} continues, on the other side, after {@code to}. */
    record PrefixRewrite(String from, String to) {}

    private static Optional<String> replaceLeading(String path, String from, String to) {
        if (path.equals(from) || path.startsWith(from + "/")) {
            return Optional.of(to + path.substring(from.length()));
        }
        return Optional.empty();
    }

    /** Which ownership rule a customer's request must pass before it is forwarded. */
    enum Ownership {
        NONE,
        ORDER_IN_PATH,
        CUSTOMER_IN_BODY,
        CUSTOMER_IN_QUERY
    }
}
