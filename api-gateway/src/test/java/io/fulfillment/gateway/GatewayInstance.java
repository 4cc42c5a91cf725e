package io.fulfillment.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One gateway started by a test on a free port, as its image or the all-in-one process starts it, for tests that need
 * more than the one shared {@link GatewayITSupport} context: several replicas, or both deployments side by side.
 */
public final class GatewayInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final String root;

    private GatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.root = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** A gateway in front of {@code backend}, with the given profiles and further {@code --name=value} arguments. */
    public static GatewayInstance start(String backend, String[] profiles, String... args) {
        String[] arguments = Stream.concat(
                        Stream.of("--server.port=0", "--fulfillment.gateway.default-backend=" + backend),
                        Stream.of(args))
                .toArray(String[]::new);
        return new GatewayInstance(new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .profiles(profiles)
                .run(arguments));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder().GET(), path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String path) {
        try {
            return HTTP.send(request.uri(URI.create(root + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
