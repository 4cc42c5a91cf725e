package io.fulfillment.gateway.routing;

import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/** Resolves a backend name from the configuration to its base URI. */
@Component
public class Backends {

    private final RoutingProperties properties;

    Backends(RoutingProperties properties) {
        this.properties = properties;
    }

    public URI uri(String name) {
        return properties.backend(name);
    }

    /** Every distinct backend some route leads to. */
    public List<URI> all() {
        return properties.allRoutes().stream()
                .map(route -> properties.backend(route.backend()))
                .distinct()
                .toList();
    }
}
