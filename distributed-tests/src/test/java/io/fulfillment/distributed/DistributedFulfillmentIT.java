package io.fulfillment.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The distributed mode end to end: every service runs as its own JVM ({@code java -jar} of its {@code -exec.jar})
 * against the Axon Server in {@code AXONSERVER_SERVERS} and the MongoDB in {@code MONGODB_URI} (no database name),
 * and the test drives the API gateway. Skipped without {@code AXONSERVER_SERVERS}; see docs/distributed.md.
 *
 * <p>Without {@code MONGODB_URI} the test hosts a MongoDB-wire server itself (mongo-java-server, H2 backend, one file
 * under {@code target/e2e-data}) and hands its address to the services. JobRunr's MongoDB migrations do not run on
 * that server, so then each context service also gets, as test-only process arguments, JobRunr on an H2 file of its
 * own ({@link #jobRunrOnH2}); the services' code and configuration stay as they are.
 */
@EnabledIfEnvironmentVariable(
        named = "AXONSERVER_SERVERS",
        matches = ".+",
        disabledReason = "Distributed end-to-end test skipped: AXONSERVER_SERVERS is not set (docs/distributed.md)")
class DistributedFulfillmentIT {

    private static final String AXONSERVER_SERVERS = "AXONSERVER_SERVERS";
    private static final String MONGODB_URI = "MONGODB_URI";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration SAGA = Duration.ofMinutes(2);
    private static final String CUSTOMER = "customer-ada";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "e2e-logs").toAbsolutePath();
    private static final Path DATA = Path.of("target", "e2e-data").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Map<String, Service> services = new LinkedHashMap<>();
    private static MongoServer testMongo;
    private static String gateway;
    private static String adminToken;
    private static String customerToken;

    @BeforeAll
    static void startEveryServiceAsItsOwnProcess() throws Exception {
        String axonServer = System.getenv(AXONSERVER_SERVERS);
        assumeTrue(
                axonServer != null && !axonServer.isBlank(),
                "Distributed end-to-end test skipped: set AXONSERVER_SERVERS (e.g. localhost:8124) and optionally"
                        + " MONGODB_URI (e.g. mongodb://localhost:27017, no database name) to run it"
                        + " (docs/distributed.md)");
        Files.createDirectories(LOGS);
        String mongo = System.getenv(MONGODB_URI);
        boolean ownMongo = mongo == null || mongo.isBlank();
        if (ownMongo) {
            mongo = startTestMongo();
        }
        Map<String, String> infrastructure = Map.of(AXONSERVER_SERVERS, axonServer, MONGODB_URI, mongo);

        Service psp = start("psp-sandbox", "PSP_PORT", Map.of(), List.of());
        List<Service> contexts = new ArrayList<>();
        for (String context :
                List.of("order-command", "order-query", "inventory-context", "payment-context", "shipping-context")) {
            Map<String, String> environment = new LinkedHashMap<>(infrastructure);
            environment.put("PSP_BASE_URL", psp.url() + "/psp");
            environment.put("SAGA_PAYMENT_TIMEOUT", "20s");
            contexts.add(start(context, "SERVER_PORT", environment, ownMongo ? jobRunrOnH2(context) : List.of()));
        }
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("ORDER_COMMAND_URI", services.get("order-command").url());
        routes.put("ORDER_QUERY_URI", services.get("order-query").url());
        routes.put("INVENTORY_URI", services.get("inventory-context").url());
        routes.put("PAYMENT_URI", services.get("payment-context").url());
        routes.put("SHIPPING_URI", services.get("shipping-context").url());
        routes.put("PSP_URI", psp.url());
        routes.put("ADMIN_URI", services.get("order-query").url());
        routes.put("FULFILLMENT_BACKEND_URI", services.get("order-query").url());
        // the test's own gateway issues development tokens; the compose stack keeps them off
        routes.put("FULFILLMENT_DEV_TOKENS", "true");
        Service gatewayService = start("api-gateway", "GATEWAY_PORT", routes, List.of());
        gateway = gatewayService.url() + "/api/v1";

        for (Service service : services.values()) {
            awaitHealthy(service);
        }
        adminToken = token("admin", "admin-demo");
        customerToken = token(CUSTOMER, "ada-demo");
    }

    @AfterAll
    static void stopEveryService() {
        services.values().forEach(Service::stop);
        if (testMongo != null) {
            testMongo.shutdown();
        }
    }

    /** A MongoDB-wire server for every service (one database each), on a fresh H2 file under target/e2e-data. */
    private static String startTestMongo() throws IOException {
        Files.createDirectories(DATA);
        Path file = DATA.resolve("mongo-" + UUID.randomUUID() + ".mv");
        testMongo = new MongoServer(new H2Backend(file.toString()));
        testMongo.bind("127.0.0.1", 0);
        InetSocketAddress address = testMongo.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /**
     * Test-only arguments that move a context service's JobRunr storage from MongoDB to an H2 file of its own:
     * JobRunr's MongoDB migrations fail on mongo-java-server ({@code M007_UpdateJobsCollectionReplaceIndices},
     * {@code IndexNotFound}). The distributed defaults exclude the DataSource and JobRunr's SQL storage; the list
     * below is that exclusion list without those two, so only JobRunr gets a DataSource (no transaction manager, no
     * JPA, Axon's stores stay on MongoDB).
     */
    private static List<String> jobRunrOnH2(String module) {
        Path file = DATA.resolve(module + "-" + UUID.randomUUID()).resolve("jobrunr");
        return List.of(
                // mongo-java-server does not answer the MongoDB health indicator's `hello` command
                "--management.health.mongo.enabled=false",
                "--jobrunr.database.type=sql",
                "--spring.datasource.url=jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.autoconfigure.exclude="
                        + String.join(
                                ",",
                                "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
                                "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
                                "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
                                "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
                                "org.springframework.boot.autoconfigure.h2.H2ConsoleAutoConfiguration",
                                "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
                                "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration",
                                "io.fulfillment.chassis.mongo.EmbeddedMongoAutoConfiguration"));
    }

    @AfterEach
    void healThePsp() throws Exception {
        if (gateway != null) {
            send("POST", "/psp/admin/faults/reset", adminToken, null);
        }
    }

    @Test
    void confirmsAnOrderAcrossEveryService() throws Exception {
        String product = registerProduct(10);

        String order = placeOrder(product, 2);

        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(product)).isEqualTo(8));
    }

    @Test
    void rejectsAnOrderForMoreThanTheStockAndReleasesWhatWasReserved() throws Exception {
        String plenty = registerProduct(10);
        String scarce = registerProduct(1);

        String order = placeOrder(Map.of(plenty, 3, scarce, 5));

        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("REJECTED");
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(plenty)).isEqualTo(10));
        assertThat(stock(scarce)).isEqualTo(1);
    }

    @Test
    void rejectsAnOrderWhosePaymentIsDeclinedAndReleasesTheStock() throws Exception {
        String product = registerProduct(10);
        send("PUT", "/psp/admin/faults", adminToken, Map.of("declineRate", 1.0));

        String order = placeOrder(product, 4);

        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("REJECTED");
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(product)).isEqualTo(10));
    }

    @Test
    void finishesAnOrderWhoseSagaServiceRestartsMidFlow() throws Exception {
        String product = registerProduct(10);
        Service orderCommand = services.get("order-command");

        String order = placeOrder(product, 1);
        // the saga, its deadlines and its processor's position live in MongoDB; the other services carry on meanwhile
        orderCommand.stop();
        orderCommand.start();
        awaitHealthy(orderCommand);

        assertThat(awaitTerminal(order).path("status").asText()).isEqualTo("CONFIRMED");
        await().atMost(SAGA).untilAsserted(() -> assertThat(stock(product)).isEqualTo(9));
    }

    private static String registerProduct(int stock) throws Exception {
        String id = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = send(
                "POST",
                "/products",
                adminToken,
                Map.of(
                        "id",
                        id,
                        "name",
                        "End-to-end product " + id,
                        "unitPrice",
                        Map.of("amount", new BigDecimal("12.50"), "currency", "EUR"),
                        "initialStock",
                        stock));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        await().atMost(SAGA)
                .until(() -> send("GET", "/products/" + id, adminToken, null).statusCode() == 200);
        return id;
    }

    private static String placeOrder(String product, int quantity) throws Exception {
        return placeOrder(Map.of(product, quantity));
    }

    private static String placeOrder(Map<String, Integer> quantities) throws Exception {
        List<Map<String, Object>> lines = quantities.entrySet().stream()
                .map(line -> Map.<String, Object>of("productId", line.getKey(), "quantity", line.getValue()))
                .toList();
        HttpResponse<String> response = send(
                "POST",
                "/orders",
                customerToken,
                Map.of(
                        "customerId",
                        CUSTOMER,
                        "lines",
                        lines,
                        "shippingAddress",
                        Map.of(
                                "recipient", "Ada Lovelace",
                                "street", "1 Analytical Way",
                                "postalCode", "10115",
                                "city", "Berlin",
                                "country", "DE")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static JsonNode awaitTerminal(String order) {
        return await().atMost(SAGA)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> summary(order), summary -> Stream.of("CONFIRMED", "REJECTED", "CANCELLED")
                        .anyMatch(status -> status.equals(summary.path("status").asText())));
    }

    private static JsonNode summary(String order) throws Exception {
        HttpResponse<String> response = send("GET", "/orders/" + order, customerToken, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    private static int stock(String product) throws Exception {
        return JSON.readTree(
                        send("GET", "/products/" + product, adminToken, null).body())
                .path("available")
                .asInt(-1);
    }

    private static String token(String username, String password) throws Exception {
        HttpResponse<String> response =
                send("POST", "/dev/token", null, Map.of("username", username, "password", password));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> send(String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Service start(
            String module, String portVariable, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Service service = new Service(module, executableJar(module), freePort(), portVariable, environment, arguments);
        services.put(module, service);
        service.start();
        return service;
    }

    private static Path executableJar(String module) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no -exec.jar in " + module + "/target: run ./mvnw -B package -DskipTests first"));
        }
    }

    private static void awaitHealthy(Service service) {
        await().atMost(STARTUP)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(service.isAlive())
                            .as("%s is running (log: %s)", service.module(), service.log())
                            .isTrue();
                    HttpResponse<String> health = HTTP.send(
                            HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One service JVM; restartable on the same port. */
    private static final class Service {

        private final String module;
        private final Path jar;
        private final int port;
        private final String portVariable;
        private final Map<String, String> environment;
        private final List<String> arguments;
        private Process process;

        Service(
                String module,
                Path jar,
                int port,
                String portVariable,
                Map<String, String> environment,
                List<String> arguments) {
            this.module = module;
            this.jar = jar;
            this.port = port;
            this.portVariable = portVariable;
            this.environment = environment;
            this.arguments = arguments;
        }

        void start() throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-jar",
                    jar.toString()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().putAll(environment);
            builder.environment().put(portVariable, Integer.toString(port));
            process = builder.start();
        }

        void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        boolean isAlive() {
            return process != null && process.isAlive();
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        String module() {
            return module;
        }

        Path log() {
            return LOGS.resolve(module + ".log");
        }
    }
}
