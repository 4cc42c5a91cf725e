package io.fulfillment.gateway.ratelimit;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Redis for a test: the {@code redis-server} on the PATH (Debian's package) started on a free port, or a
 * Testcontainers container where Docker is available; without either the test is skipped with a message saying what
 * to install.
 */
final class TestRedis implements AutoCloseable {

    private static final String BINARY = "redis-server";
    private static final String IMAGE = "redis:7-alpine";
    private static final int REDIS_PORT = 6379;

    private final String uri;
    private final Process process;
    private final GenericContainer<?> container;

    private TestRedis(String uri, Process process, GenericContainer<?> container) {
        this.uri = uri;
        this.process = process;
        this.container = container;
    }

    /** Why a test that needs Redis was skipped. */
    static final String UNAVAILABLE = "no Redis for this test: neither " + BINARY
            + " on the PATH (apt-get install redis-server) nor Docker for a Testcontainers " + IMAGE;

    /** A started Redis, or none when neither the binary nor Docker is there (then skip with {@link #UNAVAILABLE}). */
    static Optional<TestRedis> startIfAvailable() {
        Optional<Path> binary = onPath(BINARY);
        if (binary.isPresent()) {
            return Optional.of(startProcess(binary.get()));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container =
                    new GenericContainer<>(DockerImageName.parse(IMAGE)).withExposedPorts(REDIS_PORT);
            container.start();
            return Optional.of(new TestRedis(
                    "redis://" + container.getHost() + ":" + container.getMappedPort(REDIS_PORT), null, container));
        }
        return Optional.empty();
    }

    String uri() {
        return uri;
    }

    /** Stops Redis: what a gateway sees when its Redis goes away. */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
        }
        if (container != null) {
            container.stop();
        }
    }

    private static TestRedis startProcess(Path binary) {
        int port = freePort();
        try {
            Process process = new ProcessBuilder(
                            binary.toString(),
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            await().atMost(Duration.ofSeconds(10)).until(() -> accepts(port));
            return new TestRedis("redis://127.0.0.1:" + port, process, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
