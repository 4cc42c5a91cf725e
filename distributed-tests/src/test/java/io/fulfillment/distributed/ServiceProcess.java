package io.fulfillment.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One service JVM of the distributed mode: {@code java -jar} of a module's {@code -exec.jar} on a free port, its output
 * in {@code target/e2e-logs/<name>.log}. Restartable on the same port. Two instances of one module are two of these
 * with their own names (and so their own ports and logs).
 */
final class ServiceProcess {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "e2e-logs").toAbsolutePath();
    /**
     * Nine JVMs starting at once on a two-core machine that other builds share took up to nine minutes each (load
     * average above 30); a healthy process ends the wait at once.
     */
    private static final Duration STARTUP = Duration.ofMinutes(10);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String module;
    private final Path jar;
    private final int port;
    private final String portVariable;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private Process process;

    private ServiceProcess(
            String name,
            String module,
            Path jar,
            int port,
            String portVariable,
            Map<String, String> environment,
            List<String> arguments) {
        this.name = name;
        this.module = module;
        this.jar = jar;
        this.port = port;
        this.portVariable = portVariable;
        this.environment = environment;
        this.arguments = arguments;
    }

    /**
     * Starts {@code module}'s executable jar as the instance {@code name}, its port in {@code portVariable} and the
     * rest of its settings in {@code environment} and process {@code arguments}.
     */
    static ServiceProcess start(
            String name, String module, String portVariable, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Files.createDirectories(LOGS);
        ServiceProcess service = new ServiceProcess(
                name, module, executableJar(module), freePort(), portVariable, environment, arguments);
        service.start();
        return service;
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                // the services start several at once on two cores: the client compiler alone and one GC thread cost
                // far less CPU while they start, which is most of what these tests wait for
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
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

    /** A graceful stop (SIGTERM, Spring's graceful shutdown); SIGKILL if it takes longer than 30 s. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful shutdown, whatever was in flight is lost to this process. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Waits until the process answers its health endpoint with 200 (UP). */
    void awaitHealthy() {
        await().atMost(STARTUP)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(isAlive())
                            .as("%s is running (log: %s)", name, log())
                            .isTrue();
                    HttpResponse<String> health = HTTP.send(
                            HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                });
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    String module() {
        return module;
    }

    Path log() {
        return LOGS.resolve(name + ".log");
    }

    private static Path executableJar(String module) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no -exec.jar in " + module + "/target: run ./mvnw -B package -DskipTests first"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
