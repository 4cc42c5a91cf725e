package io.fulfillment.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The REST API as a client of the API gateway sees it: one caller's bearer token, and the gateway's per-caller rate
 * limit. A 429 is counted and the request sent again after the {@code Retry-After} the gateway names (plus jitter, so
 * waiting requests do not all return at once), or after an exponential back-off if it names none; after
 * {@link #GIVE_UP_NANOS} of 429s the 429 is the answer. A token from the development token endpoint is renewed once
 * when the gateway answers 401 (they live 15 minutes); a given token is used as it is.
 */
final class GatewayClient {

    /** The development token endpoint's demo users (README). */
    record Credentials(String username, String password) {

        static final Credentials CUSTOMER = new Credentials(OrderLoad.CUSTOMER, "ada-demo");
        static final Credentials ADMIN = new Credentials("admin", "admin-demo");
    }

    static final String API_PREFIX = "/api/v1";
    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final long MAX_BACK_OFF_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gateway-client-retry");
        thread.setDaemon(true);
        return thread;
    });

    private final Http http;
    private final String apiUrl;
    private final Credentials credentials;
    private volatile String token;
    private final LongAdder requests = new LongAdder();
    private final LongAdder tooManyRequests = new LongAdder();
    private final LongAdder backOffNanos = new LongAdder();

    private GatewayClient(Http http, String apiUrl, Credentials credentials, String token) {
        this.http = http;
        this.apiUrl = apiUrl;
        this.credentials = credentials;
        this.token = token;
    }

    /** Logs in at the development token endpoint ({@code POST /api/v1/dev/token}). */
    static GatewayClient login(Http http, String apiUrl, Credentials credentials) {
        GatewayClient client = new GatewayClient(http, apiUrl, credentials, null);
        client.token = client.newToken();
        return client;
    }

    static GatewayClient withToken(Http http, String apiUrl, String token) {
        return new GatewayClient(http, apiUrl, null, token);
    }

    /** The API's base URL for a gateway's base URL: {@code http://host:8080} → {@code http://host:8080/api/v1}. */
    static String apiUrl(String gatewayUrl) {
        String url = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        return url.endsWith(API_PREFIX) ? url : url + API_PREFIX;
    }

    /** {@code path} under the API prefix, e.g. {@code /orders}. */
    CompletableFuture<Http.Response> send(String method, String path, Object body, Map<String, String> headers) {
        return withRetries(bearer -> http.send(method, apiUrl + path, body, bearer, headers));
    }

    CompletableFuture<Http.Response> send(String method, String path, Object body) {
        return send(method, path, body, Map.of());
    }

    /** A Server-Sent Events stream under the API prefix; see {@link Http#stream}. */
    CompletableFuture<Http.Response> stream(String path, Consumer<String> lines) {
        return withRetries(bearer -> http.stream(apiUrl + path, bearer, lines));
    }

    /** The customer id the token speaks for (its {@code customer_id} claim), if it names one. */
    Optional<String> customerId() {
        try {
            String[] parts = token.split("\\.");
            JsonNode claims =
                    Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return Optional.ofNullable(claims.path("customer_id").textValue());
        } catch (IOException | RuntimeException notAJwt) {
            return Optional.empty();
        }
    }

    long requests() {
        return requests.sum();
    }

    long tooManyRequests() {
        return tooManyRequests.sum();
    }

    long backOffNanos() {
        return backOffNanos.sum();
    }

    private CompletableFuture<Http.Response> withRetries(Function<String, CompletableFuture<Http.Response>> call) {
        CompletableFuture<Http.Response> result = new CompletableFuture<>();
        attempt(call, result, 0, System.nanoTime() + GIVE_UP_NANOS, false);
        return result;
    }

    private void attempt(
            Function<String, CompletableFuture<Http.Response>> call,
            CompletableFuture<Http.Response> result,
            int attempt,
            long giveUpAt,
            boolean renewed) {
        requests.increment();
        String bearer = token;
        call.apply(bearer).whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else if (response.status() == 429 && System.nanoTime() < giveUpAt) {
                tooManyRequests.increment();
                long wait = backOff(response, attempt);
                backOffNanos.add(wait);
                TIMER.schedule(() -> attempt(call, result, attempt + 1, giveUpAt, renewed), wait, TimeUnit.NANOSECONDS);
            } else if (response.status() == 401 && credentials != null && !renewed) {
                CompletableFuture.runAsync(() -> renewToken(bearer)).whenComplete((ignored, renewalFailure) -> {
                    if (renewalFailure != null) {
                        result.complete(response);
                    } else {
                        attempt(call, result, attempt + 1, giveUpAt, true);
                    }
                });
            } else {
                result.complete(response);
            }
        });
    }

    private static long backOff(Http.Response tooMany, int attempt) {
        long base = tooMany.headers()
                .firstValue("Retry-After")
                .flatMap(GatewayClient::seconds)
                .map(TimeUnit.SECONDS::toNanos)
                .orElse(Math.min(MAX_BACK_OFF_NANOS, TimeUnit.MILLISECONDS.toNanos(100) << Math.min(attempt, 6)));
        return base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static Optional<Long> seconds(String retryAfter) {
        try {
            return Optional.of(Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private synchronized void renewToken(String expired) {
        if (token.equals(expired)) {
            token = newToken();
        }
    }

    /** Asks the development token endpoint for a token, waiting out its own rate limit (anonymous callers). */
    private String newToken() {
        for (int attempt = 0; ; attempt++) {
            requests.increment();
            Http.Response response = http.call(
                    "POST",
                    apiUrl + "/dev/token",
                    Map.of("username", credentials.username(), "password", credentials.password()),
                    null);
            if (response.status() == 200) {
                return response.body().get("access_token").asText();
            }
            if (response.status() != 429 || attempt > 30) {
                throw new IllegalStateException("no token for " + credentials.username() + " from " + apiUrl
                        + "/dev/token: " + response.status() + " " + response.body());
            }
            tooManyRequests.increment();
            long wait = backOff(response, attempt);
            backOffNanos.add(wait);
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a token", e);
            }
        }
    }
}
