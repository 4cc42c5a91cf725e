package io.fulfillment.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** JSON over HTTP with the JDK client: small, asynchronous, no Spring in the measuring path. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body, HttpHeaders headers) {}

    CompletableFuture<Response> send(String method, String url, Object body, String bearer) {
        return send(method, url, body, bearer, Map.of());
    }

    CompletableFuture<Response> send(
            String method, String url, Object body, String bearer, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(request::header);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Response(response.statusCode(), parse(response.body()), response.headers()));
    }

    Response call(String method, String url, Object body, String bearer) {
        return send(method, url, body, bearer).join();
    }

    /**
     * {@code GET} of a Server-Sent Events stream: each line of a 200 answer goes to {@code lines} the moment it
     * arrives. Completes once the stream has ended, with the status and headers (another status's body is dropped).
     */
    CompletableFuture<Response> stream(String url, String bearer, Consumer<String> lines) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse.BodyHandler<Void> handler = answer -> answer.statusCode() == 200
                ? HttpResponse.BodySubscribers.fromLineSubscriber(new LineSubscriber(lines))
                : HttpResponse.BodySubscribers.discarding();
        return client.sendAsync(request.build(), handler)
                .thenApply(response -> new Response(response.statusCode(), JSON.nullNode(), response.headers()));
    }

    private static final class LineSubscriber implements Flow.Subscriber<String> {

        private final Consumer<String> lines;

        LineSubscriber(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.accept(line);
        }

        @Override
        public void onError(Throwable failure) {
            // the response future fails with it
        }

        @Override
        public void onComplete() {
            // the response future completes
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
