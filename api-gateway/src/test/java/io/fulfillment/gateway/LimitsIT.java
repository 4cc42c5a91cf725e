package io.fulfillment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsIT extends GatewayITSupport {

    @Test
    void burstAboveTheLimitIsAnsweredWith429AndRetryAfter() {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            answers.add(send(as("customer-eve", get("/api/v1/products")).build()));
        }

        Answer refused = answers.stream()
                .filter(a -> a.status() == 429)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request was rate limited"));
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(30);
    }

    @Test
    void bodyOverTheLimitIsAnsweredWith413() {
        String big = "{\"customerId\":\"" + FakeBackend.ADA + "\",\"note\":\"" + "x".repeat(2048) + "\"}";

        Answer answer = send(as("customer-ada", post("/api/v1/orders", big)).build());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void chunkedBodyOverTheLimitIsAnsweredWith413() {
        String big = "{\"customerId\":\"" + FakeBackend.ADA + "\",\"note\":\"" + "x".repeat(2048) + "\"}";
        var chunked = java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        Answer answer = send(as(
                        "customer-ada",
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/orders"))
                                .header("Content-Type", "application/json")
                                .POST(chunked))
                .build());

        assertThat(answer.status()).isEqualTo(413);
    }
}
