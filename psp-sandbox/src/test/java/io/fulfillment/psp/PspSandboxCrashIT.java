package io.fulfillment.psp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone sandbox, run from its executable jar as in production, killed with SIGKILL right after answering
 * and started again on the same data directory: it still knows the charge and its idempotency key.
 */
class PspSandboxCrashIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String CHARGE = "{\"reference\":\"payment-1\",\"amount\":25.00,\"currency\":\"EUR\"}";
    private static final Path LOG =
            Path.of("target", "psp-sandbox-crash-it.log").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private Process sandbox;
    private int port;

    @AfterEach
    void stopSandbox() throws InterruptedException {
        if (sandbox != null) {
            sandbox.destroyForcibly().waitFor();
        }
    }

    @Test
    void refundsAndRemembersChargeAnsweredBeforeItWasKilled() throws Exception {
        port = freePort();
        sandbox = start();
        HttpResponse<String> charged = post("/psp/charges", "charge-payment-1", CHARGE);
        assertThat(charged.statusCode()).as(charged.body()).isEqualTo(200);
        String transactionId =
                JSON.readTree(charged.body()).get("transactionId").asText();

        sandbox.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        sandbox = start();

        HttpResponse<String> again = post("/psp/charges", "charge-payment-1", CHARGE);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(charged.body());
        HttpResponse<String> refunded = post(
                "/psp/refunds",
                "refund-payment-1",
                "{\"transactionId\":\"" + transactionId + "\",\"amount\":25.00,\"currency\":\"EUR\"}");
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(200);
        JsonNode ledger = JSON.readTree(get("/psp/admin/ledger").body());
        assertThat(ledger.get("charges")).hasSize(1);
        assertThat(ledger.get("refunds")).hasSize(1);
    }

    private Process start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        executableJar().toString(),
                        "--server.address=127.0.0.1",
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        builder.environment().put("PSP_PORT", Integer.toString(port));
        builder.environment().put("PSP_DATA_DIR", dataDir.toString());
        Process started = builder.start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(started.isAlive()).as("sandbox running, see %s", LOG).isTrue();
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        started.destroyForcibly();
        throw new AssertionError("the sandbox did not start within " + STARTUP + ", see " + LOG);
    }

    private static Path executableJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no -exec.jar in target: run ./mvnw verify"))
                    .toAbsolutePath();
        }
    }

    private HttpResponse<String> post(String path, String idempotencyKey, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Idempotency-Key", idempotencyKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
