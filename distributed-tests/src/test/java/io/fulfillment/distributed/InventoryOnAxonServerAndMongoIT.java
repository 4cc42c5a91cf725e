package io.fulfillment.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillment.inventory.service.InventoryService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The inventory service in its distributed configuration on a real Axon Server and MongoDB (Testcontainers): events
 * through Axon Server, the catalogue read model, tokens and deadlines in MongoDB, and a duplicate registration that
 * crosses Axon Server answered 409. Skipped without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class InventoryOnAxonServerAndMongoIT {

    @Container
    static final AxonServerContainer axonServer = new AxonServerContainer().withDevMode(true);

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext inventory;
    private static String baseUrl;

    @BeforeAll
    static void startTheInventoryService() {
        inventory = InventoryService.application()
                .run(
                        "--server.port=0",
                        "--axon.axonserver.servers=" + axonServer.getAxonServerAddress(),
                        "--spring.data.mongodb.uri=" + mongo.getConnectionString() + "/inventory",
                        "--fulfillment.inventory.demo-catalogue.enabled=false");
        baseUrl = "http://127.0.0.1:" + inventory.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopTheInventoryService() {
        if (inventory != null) {
            inventory.close();
        }
    }

    @Test
    void registersAProductThroughAxonServerAndProjectsItIntoMongo() throws Exception {
        assertThat(register("tc-keyboard").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(get("/products/tc-keyboard").statusCode()).isEqualTo(200));
    }

    @Test
    void answersADuplicateRegistrationWithConflict() throws Exception {
        assertThat(register("tc-mouse").statusCode()).isEqualTo(202);

        HttpResponse<String> duplicate = register("tc-mouse");

        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(409);
    }

    private static HttpResponse<String> register(String id) throws Exception {
        String body =
                """
                {"id":"%s","name":"Testcontainers product","unitPrice":{"amount":10.00,"currency":"EUR"},\
                "initialStock":5}"""
                        .formatted(id);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/products"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
