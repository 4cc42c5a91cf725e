package io.fulfillment.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.gateway.GatewayApplication;
import io.fulfillment.reliability.HostileCorpus.HostileRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile corpus through the API gateway with valid tokens: no request gets a 5xx and none appends an event. The
 * gateway's rate limit is off here, so every request reaches validation instead of stopping at 429.
 */
@InProcessSystem
class HostileInputIT {

    private static final int MINIMUM_CORPUS = 150;

    private static ConfigurableApplicationContext gateway;

    @LocalServerPort
    int backendPort;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void answersEveryHostileRequestWithoutServerErrorOrStateChange() throws Exception {
        SystemApi api = SystemApi.onPort(backendPort);
        String product = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        api.registerProduct(product, 100);
        String gatewayUrl = startGateway();
        String customer = token(gatewayUrl, HostileCorpus.CUSTOMER, "ada-demo");
        String admin = token(gatewayUrl, "admin", "admin-demo");
        List<HostileRequest> corpus = HostileCorpus.forProduct(product);
        long eventsBefore = events();

        List<String> serverErrors = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (HostileRequest request : corpus) {
            int status = send(gatewayUrl, request, customer, admin);
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                serverErrors.add(request.name() + " → " + status);
            }
        }

        System.out.printf("hostile corpus: %d requests, statuses %s%n", corpus.size(), statuses);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(MINIMUM_CORPUS);
        assertThat(serverErrors).as("requests answered with a server error").isEmpty();
        assertThat(statuses.keySet()).as("no hostile request accepted").allMatch(status -> status >= 400);
        assertThat(events()).as("events in the store").isEqualTo(eventsBefore);
    }

    /**
     * Found by this suite, defects of api-gateway (not of the backends): a wildcard Content-Type becomes an
     * IllegalArgumentException and a 500; an order id longer than the backend accepts makes the gateway's ownership
     * lookup fail and answer 503 instead of passing the backend's 400 on.
     */
    @Test
    void answersWildcardContentTypesAndOverlongIdsWithoutServerError() throws Exception {
        SystemApi api = SystemApi.onPort(backendPort);
        String product = "known-defects-" + UUID.randomUUID().toString().substring(0, 8);
        api.registerProduct(product, 1);
        String gatewayUrl = startGateway();
        String customer = token(gatewayUrl, HostileCorpus.CUSTOMER, "ada-demo");
        String longId = "x".repeat(500);
        List<HostileRequest> defects = List.of(
                new HostileRequest(
                        "content type */*",
                        "POST",
                        "/api/v1/orders",
                        "*/*",
                        HostileCorpus.forProduct(product).get(0).body(),
                        Map.of(),
                        HostileCorpus.Caller.CUSTOMER),
                new HostileRequest(
                        "read overlong id",
                        "GET",
                        "/api/v1/orders/" + longId,
                        null,
                        null,
                        Map.of(),
                        HostileCorpus.Caller.CUSTOMER),
                new HostileRequest(
                        "cancel overlong id",
                        "POST",
                        "/api/v1/orders/" + longId + "/cancel",
                        "application/json",
                        "{}",
                        Map.of(),
                        HostileCorpus.Caller.CUSTOMER));

        for (HostileRequest defect : defects) {
            assertThat(send(gatewayUrl, defect, customer, null))
                    .as(defect.name())
                    .isLessThan(500);
        }
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
    }

    private int send(String gatewayUrl, HostileRequest request, String customer, String admin) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gatewayUrl + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        switch (request.caller()) {
            case CUSTOMER -> builder.header("Authorization", "Bearer " + customer);
            case ADMIN -> builder.header("Authorization", "Bearer " + admin);
            case NONE -> {}
        }
        request.headers().forEach(builder::header);
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            // a server may close the connection on a request it refuses to read (oversized headers): not a 5xx
            System.out.printf("hostile corpus: %s → connection closed (%s)%n", request.name(), e);
            return 499;
        }
    }

    private String startGateway() {
        if (gateway == null) {
            gateway = new SpringApplicationBuilder(GatewayApplication.class)
                    .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
                    .profiles("local")
                    .run(
                            "--fulfillment.gateway.default-backend=http://127.0.0.1:" + backendPort,
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--fulfillment.gateway.rate-limit.enabled=false",
                            "--fulfillment.data-dir=./target/it-data/gateway-" + UUID.randomUUID(),
                            "--logging.level.root=WARN");
        }
        return "http://127.0.0.1:" + gateway.getEnvironment().getRequiredProperty("local.server.port");
    }

    private String token(String gatewayUrl, String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build();
        String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return SystemApi.parse(body).get("access_token").asText();
    }
}
