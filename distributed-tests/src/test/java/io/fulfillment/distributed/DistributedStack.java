package io.fulfillment.distributed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The distributed mode as the end-to-end tests run it: every service its own JVM ({@link ServiceProcess}) against the
 * Axon Server in {@code AXONSERVER_SERVERS} and the MongoDB in {@code MONGODB_URI} (no database name), with the API
 * gateway in front. A context may run as several instances (two JVMs of one jar sharing its MongoDB database); the
 * gateway reaches the first. Every context instance connects to Axon Server with a client id of its own that names
 * the instance and this run ({@link #clientId}), so Axon Server's admin API tells the instances apart, and from those
 * of other runs on the same server.
 *
 * <p>Without {@code MONGODB_URI} the stack hosts a MongoDB-wire server itself (mongo-java-server, H2 backend, one file
 * under {@code target/e2e-data}) and hands its address to the services. JobRunr's MongoDB migrations do not run on
 * that server, so then each context instance also gets, as test-only process arguments, JobRunr on an H2 file of its
 * own ({@link #jobRunrOnH2}); the services' code and configuration stay as they are.
 */
final class DistributedStack {

    static final String AXONSERVER_SERVERS = "AXONSERVER_SERVERS";
    static final String MONGODB_URI = "MONGODB_URI";
    /**
     * The saga's payment deadline in these tests: longer than a payment-context restart takes on a loaded build machine
     * (90–120 s), so that an order placed while payment is down can still be paid. The saga's command retries
     * (exponential from 200 ms) must outlast the downtime too: 10 retries span 205 s.
     */
    static final Duration PAYMENT_DEADLINE = Duration.ofMinutes(5);

    private static final int SAGA_COMMAND_RETRIES = 10;
    private static final List<String> CONTEXTS =
            List.of("order-command", "order-query", "inventory-context", "payment-context", "shipping-context");
    private static final Path DATA = Path.of("target", "e2e-data").toAbsolutePath();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final String axonServer;
    private MongoServer testMongo;
    private GatewayClient gateway;

    private DistributedStack(String axonServer) {
        this.axonServer = axonServer;
    }

    /**
     * Starts the PSP sandbox, every context ({@code instances} says how many JVMs a context gets; one unless named)
     * and the gateway, waits until each is healthy and signs the test's users in. Skips the calling test when
     * {@code AXONSERVER_SERVERS} is not set.
     */
    static DistributedStack start(Map<String, Integer> instances) throws Exception {
        String axonServer = System.getenv(AXONSERVER_SERVERS);
        assumeTrue(
                axonServer != null && !axonServer.isBlank(),
                "Distributed end-to-end test skipped: set AXONSERVER_SERVERS (e.g. localhost:8124) and optionally"
                        + " MONGODB_URI (e.g. mongodb://localhost:27017, no database name) to run it"
                        + " (docs/distributed.md)");
        DistributedStack stack = new DistributedStack(axonServer);
        try {
            stack.startEverything(instances);
        } catch (Exception | AssertionError e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    private void startEverything(Map<String, Integer> instances) throws Exception {
        String mongo = System.getenv(MONGODB_URI);
        boolean ownMongo = mongo == null || mongo.isBlank();
        if (ownMongo) {
            mongo = startTestMongo();
        }
        // the sandbox journals its ledger in PSP_DATA_DIR: a fresh directory per run
        ServiceProcess psp = add(ServiceProcess.start(
                "psp-sandbox",
                "psp-sandbox",
                "PSP_PORT",
                Map.of("PSP_DATA_DIR", DATA.resolve("psp-" + UUID.randomUUID()).toString()),
                List.of()));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(AXONSERVER_SERVERS, axonServer);
        environment.put(MONGODB_URI, mongo);
        environment.put("PSP_BASE_URL", psp.url() + "/psp");
        environment.put("FULFILLMENT_SAGA_PAYMENTTIMEOUT", PAYMENT_DEADLINE.toSeconds() + "s");
        environment.put("FULFILLMENT_SAGA_COMMANDRETRIES", Integer.toString(SAGA_COMMAND_RETRIES));
        for (String context : CONTEXTS) {
            for (int instance = 1; instance <= instances.getOrDefault(context, 1); instance++) {
                String name = instance == 1 ? context : context + "-" + instance;
                List<String> arguments = new ArrayList<>();
                arguments.add("--axon.axonserver.client-id=" + clientId(name));
                if (ownMongo) {
                    arguments.addAll(jobRunrOnH2(name));
                }
                add(ServiceProcess.start(name, context, "SERVER_PORT", environment, arguments));
            }
        }
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("ORDER_COMMAND_URI", service("order-command").url());
        routes.put("ORDER_QUERY_URI", service("order-query").url());
        routes.put("INVENTORY_URI", service("inventory-context").url());
        routes.put("PAYMENT_URI", service("payment-context").url());
        routes.put("SHIPPING_URI", service("shipping-context").url());
        routes.put("PSP_URI", psp.url());
        routes.put("ADMIN_URI", service("order-query").url());
        routes.put("FULFILLMENT_BACKEND_URI", service("order-query").url());
        // the test's own gateway issues development tokens; the compose stack keeps them off
        routes.put("FULFILLMENT_DEV_TOKENS", "true");
        // the scenarios send hundreds of requests per customer: they test fulfilment, not the edge's rate limits
        routes.put("FULFILLMENT_GATEWAY_RATELIMIT_ENABLED", "false");
        ServiceProcess gatewayService =
                add(ServiceProcess.start("api-gateway", "api-gateway", "GATEWAY_PORT", routes, List.of()));

        for (ServiceProcess service : services.values()) {
            service.awaitHealthy();
        }
        gateway = GatewayClient.signedIn(gatewayService.url());
    }

    private ServiceProcess add(ServiceProcess service) {
        services.put(service.name(), service);
        return service;
    }

    /** Stops every process (gracefully) and the test's own MongoDB-wire server. */
    void stop() {
        services.values().forEach(ServiceProcess::stop);
        if (testMongo != null) {
            testMongo.shutdown();
        }
    }

    /** The process named {@code name}: a module's name for its first instance, {@code <module>-<n>} for the n-th. */
    ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no process " + name + " in " + services.keySet());
        }
        return service;
    }

    /** Every instance of {@code module}, the first first. */
    List<ServiceProcess> instancesOf(String module) {
        return services.values().stream()
                .filter(service -> service.module().equals(module))
                .toList();
    }

    /** The id the instance {@code name} gives itself at Axon Server: unique to this run. */
    String clientId(String name) {
        return name + "-" + run;
    }

    GatewayClient gateway() {
        return gateway;
    }

    /** The {@code host:port} list of Axon Server's gRPC endpoints the services connect to. */
    String axonServer() {
        return axonServer;
    }

    /** A MongoDB-wire server for every service (one database each), on a fresh H2 file under target/e2e-data. */
    private String startTestMongo() throws IOException {
        Files.createDirectories(DATA);
        Path file = DATA.resolve("mongo-" + UUID.randomUUID() + ".mv");
        testMongo = new MongoServer(new H2Backend(file.toString()));
        testMongo.bind("127.0.0.1", 0);
        InetSocketAddress address = testMongo.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /**
     * Test-only arguments that move a context instance's JobRunr storage from MongoDB to an H2 file of its own:
     * JobRunr's MongoDB migrations fail on mongo-java-server ({@code M007_UpdateJobsCollectionReplaceIndices},
     * {@code IndexNotFound}). The distributed defaults exclude the DataSource and JobRunr's SQL storage; the list
     * below is that exclusion list without those two, so only JobRunr gets a DataSource (no transaction manager, no
     * JPA, Axon's stores stay on MongoDB).
     */
    private static List<String> jobRunrOnH2(String instance) {
        Path file = DATA.resolve(instance + "-" + UUID.randomUUID()).resolve("jobrunr");
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
}
