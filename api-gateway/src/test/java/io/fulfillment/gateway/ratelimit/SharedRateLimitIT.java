package io.fulfillment.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.gateway.FakeBackend;
import io.fulfillment.gateway.GatewayApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway replicas on one Redis draw on one budget per caller: what one of them granted, the other no longer has.
 * Then Redis goes away and both let requests through rather than refusing everybody. A real Redis (see
 * {@link TestRedis}); the test is skipped without one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitIT {

    private static final int BUDGET = 5;
    private static final String CATALOGUE = "/api/v1/products";

    private static final FakeBackend BACKEND = FakeBackend.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestRedis redis;
    private static ConfigurableApplicationContext replicaA;
    private static ConfigurableApplicationContext replicaB;

    @BeforeAll
    static void twoReplicasOnOneRedis() {
        redis = TestRedis.startOrSkip();
        replicaA = startGateway(redis.uri());
        replicaB = startGateway(redis.uri());
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] {replicaA, replicaB}) {
            if (replica != null) {
                replica.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void bothReplicasDrawOnOneBudget() {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 2 * BUDGET; i++) {
            answers.add(get(i % 2 == 0 ? replicaA : replicaB));
        }

        assertThat(answers)
                .extracting(HttpResponse::statusCode)
                .filteredOn(s -> s == 200)
                .hasSize(BUDGET);
        assertThat(answers.subList(BUDGET, 2 * BUDGET))
                .extracting(HttpResponse::statusCode)
                .containsOnly(429);
        assertThat(answers.subList(0, 3))
                .extracting(answer ->
                        answer.headers().firstValue("X-RateLimit-Remaining").orElseThrow())
                .containsExactly("4", "3", "2");
        HttpResponse<String> refused = answers.get(2 * BUDGET - 1);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @Order(2)
    void withoutRedisTheReplicasLetRequestsThrough() {
        redis.close();

        assertThat(get(replicaA).statusCode()).isEqualTo(200);
        assertThat(get(replicaB).statusCode()).isEqualTo(200);
    }

    private static ConfigurableApplicationContext startGateway(String redisUri) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                .run(
                        "--server.port=0",
                        "--fulfillment.gateway.default-backend=" + BACKEND.uri(),
                        "--fulfillment.gateway.rate-limit.anonymous.capacity=" + BUDGET,
                        "--fulfillment.gateway.rate-limit.anonymous.period=1h",
                        "--fulfillment.gateway.rate-limit.redis.uri=" + redisUri);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext replica) {
        String port = replica.getEnvironment().getProperty("local.server.port");
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CATALOGUE))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
