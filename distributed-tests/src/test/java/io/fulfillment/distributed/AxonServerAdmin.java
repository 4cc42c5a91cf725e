package io.fulfillment.distributed;

import static io.fulfillment.distributed.GatewayClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Axon Server itself says about the services connected to it, read from its HTTP admin API (port 8024 unless
 * {@code AXONSERVER_HTTP_URL} says otherwise): which client handled how many commands, and which client holds which
 * segment of an event processor. Both are Axon Server's own records, independent of what the services report about
 * themselves. Only the default context is read.
 */
final class AxonServerAdmin {

    private static final String CONTEXT = "default";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String url;

    private AxonServerAdmin(String url) {
        this.url = url;
    }

    /** The admin API of the server whose gRPC endpoints are {@code servers} ({@code host:port,…}). */
    static AxonServerAdmin of(String servers) {
        String configured = System.getenv("AXONSERVER_HTTP_URL");
        if (configured != null && !configured.isBlank()) {
            return new AxonServerAdmin(configured);
        }
        String host = servers.split(",")[0].trim().split(":")[0];
        return new AxonServerAdmin("http://" + host + ":8024");
    }

    /** The server's product name and version, e.g. {@code Axon Server 4.6.12-SNAPSHOT}. */
    String version() throws Exception {
        JsonNode version = get("/v1/public/version");
        return version.path("productName").asText() + " "
                + version.path("version").asText();
    }

    /**
     * How many commands Axon Server routed to each of {@code clients} (client ids) since it connected, over every
     * command the client handles. A client that is not connected (any more) is missing: Axon Server drops its counts.
     */
    Map<String, Long> commandsHandledBy(Collection<String> clients) throws Exception {
        Map<String, Long> handled = new TreeMap<>();
        for (JsonNode metric : get("/v1/public/command-metrics")) {
            String client = metric.path("clientId").asText();
            if (clients.contains(client)) {
                handled.merge(client, metric.path("count").asLong(), Long::sum);
            }
        }
        return handled;
    }

    /**
     * The streaming processors of {@code component} whose segments some of {@code clients} hold, each with the owner
     * of every claimed segment. Processors of other runs of the same component (other token stores) are left out.
     */
    List<Processor> processorsOf(String component, Collection<String> clients) throws Exception {
        List<Processor> processors = new ArrayList<>();
        for (JsonNode processor : get("/v1/components/" + encode(component) + "/processors?context=" + CONTEXT)) {
            Map<Integer, String> owners = new TreeMap<>();
            int segments = 0;
            for (JsonNode tracker : processor.path("trackers")) {
                owners.put(
                        tracker.path("segmentId").asInt(),
                        tracker.path("clientId").asText());
                segments = Math.max(segments, tracker.path("onePartOf").asInt());
            }
            if (owners.values().stream().anyMatch(clients::contains)) {
                processors.add(new Processor(
                        processor.path("name").asText(),
                        processor.path("tokenStoreIdentifier").asText(),
                        segments,
                        owners));
            }
        }
        return processors;
    }

    /**
     * Asks Axon Server to balance the processor's segments over the instances running it, by the number of threads
     * each has free (strategy {@code threadNumber}): it tells the busiest instance to release segments, which the
     * others then claim.
     */
    void balance(Processor processor) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/v1/processors/" + encode(processor.name())
                                + "/loadbalance?context=" + CONTEXT + "&strategy=threadNumber&tokenStoreIdentifier="
                                + encode(processor.tokenStore())))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * One streaming processor of one token store as Axon Server sees it.
     *
     * @param segments how many segments it is split into (the largest {@code onePartOf} of its claimed segments)
     * @param owners the client holding each claimed segment, by segment id
     */
    record Processor(String name, String tokenStore, int segments, Map<Integer, String> owners) {

        /** Every segment is held by someone: no part of the event stream goes unhandled. */
        boolean fullyClaimed() {
            return segments > 0 && owners.size() == segments;
        }

        /** How many segments each client holds. */
        Map<String, Long> segmentsPerOwner() {
            Map<String, Long> count = new TreeMap<>();
            owners.values().forEach(owner -> count.merge(owner, 1L, Long::sum));
            return count;
        }
    }
}
