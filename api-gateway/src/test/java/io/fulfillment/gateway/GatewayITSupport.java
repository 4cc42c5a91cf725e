package io.fulfillment.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway for every IT class (same properties, so one shared Spring context), in front of a {@link FakeBackend};
 * the payment backend is a port nobody listens on.
 */
@SpringBootTest(
        classes = GatewayApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "fulfillment.gateway.dev-tokens.enabled=true",
            "fulfillment.gateway.dev-tokens.users.customer-eve.password=eve-demo",
            "fulfillment.gateway.dev-tokens.users.customer-eve.customer-id=customer-eve",
            "fulfillment.gateway.dev-tokens.users.customer-eve.roles=CUSTOMER",
            "fulfillment.gateway.dev-tokens.users.operator-a.password=operator-a-demo",
            "fulfillment.gateway.dev-tokens.users.operator-a.roles=ADMIN",
            "fulfillment.gateway.dev-tokens.users.operator-b.password=operator-b-demo",
            "fulfillment.gateway.dev-tokens.users.operator-b.roles=ADMIN",
            "fulfillment.gateway.dev-tokens.users.operator-c.password=operator-c-demo",
            "fulfillment.gateway.dev-tokens.users.operator-c.roles=ADMIN",
            "fulfillment.gateway.rate-limit.customer.capacity=30",
            "fulfillment.gateway.rate-limit.customer.period=1h",
            "fulfillment.gateway.rate-limit.anonymous.capacity=40",
            "fulfillment.gateway.request-limits.max-body-size=1KB",
            "resilience4j.circuitbreaker.configs.payments.sliding-window-size=3",
            "resilience4j.circuitbreaker.configs.payments.minimum-number-of-calls=3",
            "resilience4j.circuitbreaker.configs.payments.failure-rate-threshold=50",
            "resilience4j.circuitbreaker.configs.payments.wait-duration-in-open-state=5m",
        })
public abstract class GatewayITSupport {

    protected static final FakeBackend BACKEND = FakeBackend.start();
    protected static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("fulfillment.gateway.default-backend", BACKEND::uri);
        String dead = FakeBackend.deadUri();
        registry.add("fulfillment.gateway.backends.payment", () -> dead);
    }

    protected record Answer(int status, HttpResponse<String> response) {

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException(response.body(), e);
            }
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    /** A token from the development endpoint, fetched once per user. */
    protected String tokenFor(String user) {
        return TOKENS.computeIfAbsent(user, u -> {
            Answer answer = send(post(
                            "/api/v1/dev/token",
                            "{\"username\":\"" + u + "\",\"password\":\"" + u.replace("customer-", "") + "-demo\"}")
                    .build());
            if (answer.status() != 200) {
                throw new IllegalStateException(
                        "no token for " + u + ": " + answer.response().body());
            }
            return answer.json().get("access_token").asText();
        });
    }

    protected HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    protected HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    protected HttpRequest.Builder as(String user, HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + tokenFor(user));
    }

    protected Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
