package io.fulfillment.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.gateway.FakeBackend;
import io.fulfillment.gateway.GatewayInstance;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two gateway replicas on one Redis draw on one budget per caller: what one of them granted, the other no longer has.
 * Then Redis goes away and both let requests through rather than refusing everybody. A real Redis (see
 * {@link TestRedis}); the test is skipped without one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitIT {

    private static final int BUDGET = 5;
    private static final String CATALOGUE = "/api/v1/products";
    private static final String[] NO_PROFILE = {};

    private static final FakeBackend BACKEND = FakeBackend.start();

    private static TestRedis redis;
    private static GatewayInstance replicaA;
    private static GatewayInstance replicaB;

    @BeforeAll
    static void twoReplicasOnOneRedis() {
        redis = TestRedis.startIfAvailable().orElse(null);
        if (redis != null) {
            replicaA = startReplica();
            replicaB = startReplica();
        }
    }

    @BeforeEach
    void needsRedis() {
        Assumptions.assumeTrue(redis != null, TestRedis.UNAVAILABLE);
    }

    @AfterAll
    static void stop() {
        for (GatewayInstance replica : new GatewayInstance[] {replicaA, replicaB}) {
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
            answers.add((i % 2 == 0 ? replicaA : replicaB).get(CATALOGUE));
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

        assertThat(replicaA.get(CATALOGUE).statusCode()).isEqualTo(200);
        assertThat(replicaB.get(CATALOGUE).statusCode()).isEqualTo(200);
    }

    private static GatewayInstance startReplica() {
        return GatewayInstance.start(
                BACKEND.uri(),
                NO_PROFILE,
                "--fulfillment.gateway.rate-limit.anonymous.capacity=" + BUDGET,
                "--fulfillment.gateway.rate-limit.anonymous.period=1h",
                "--fulfillment.gateway.rate-limit.redis.uri=" + redis.uri());
    }
}
